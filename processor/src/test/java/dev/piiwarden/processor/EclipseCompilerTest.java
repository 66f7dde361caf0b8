package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under Eclipse's compiler (the IDE's own, and {@code ecj}) the processor checks the annotations
 * and writes the fragments' declarations and the descriptors as under javac, without the
 * method-body analysis, which it says in one note and in each fragment.
 */
class EclipseCompilerTest {
  private static final String FRAGMENTS = "META-INF/piiwarden/types";
  @TempDir static Path javacOutput;
  @TempDir static Path eclipseOutput;
  private static RealCompilation javac;
  private static RealCompilation eclipse;

  @BeforeAll
  static void compileWithBoth() throws IOException {
    javac = RealCompilation.run(javacOutput, Fixtures.files(), List.of());
    eclipse = RealCompilation.run(new EclipseCompiler(), eclipseOutput, Fixtures.files(), List.of("--release", "17"));
    assertWithMessage(javac.all()).that(javac.success).isTrue();
  }

  @Test
  void compilesWithOneNoteThatTheBodyAnalysisIsOff() {
    assertWithMessage(eclipse.all()).that(eclipse.success).isTrue();
    assertWithMessage(eclipse.all()).that(eclipse.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertWithMessage(eclipse.all()).that(eclipse.messages(Diagnostic.Kind.WARNING)).isEmpty();
    assertThat(eclipse.messages(Diagnostic.Kind.NOTE).stream()
        .filter(message -> message.contains("method-body analysis is not available")).count()).isEqualTo(1);
  }

  @Test
  void writesTheDeclarationsJavacDoes() throws IOException {
    Map<String, Inventory> fromJavac = fragments(javac);
    Map<String, Inventory> fromEclipse = fragments(eclipse);
    assertThat(fromEclipse.keySet()).containsExactlyElementsIn(fromJavac.keySet());
    for (String name : fromJavac.keySet()) {
      Inventory expected = fromJavac.get(name);
      Inventory actual = fromEclipse.get(name);
      assertWithMessage(name).that(actual.dataElements().stream().map(EclipseCompilerTest::unlocated).toList())
          .containsExactlyElementsIn(expected.dataElements().stream().map(EclipseCompilerTest::unlocated).toList());
      List<Activity> declared = expected.activities().stream()
          .filter(activity -> activity.consent() != null || activity.name() != null) // annotated ones
          .map(EclipseCompilerTest::declarationOnly)
          .toList();
      assertWithMessage(name).that(actual.activities().stream().map(EclipseCompilerTest::declarationOnly).toList())
          .containsExactlyElementsIn(declared);
      // each fragment says its class's bodies were not analysed, so a merged inventory says so too
      assertWithMessage(name).that(actual.withoutBodyAnalysis())
          .containsExactly(name.substring(0, name.length() - ".json".length()));
      assertWithMessage(name).that(expected.withoutBodyAnalysis()).isEmpty();
    }
  }

  @Test
  void generatesTheDescriptorsJavacDoes() throws IOException {
    Map<String, String> fromJavac = descriptors(javac);
    assertThat(fromJavac).isNotEmpty();
    assertThat(descriptors(eclipse)).isEqualTo(fromJavac);
    try (Stream<Path> classes = Files.walk(eclipse.classes)) {
      assertThat(classes.filter(file -> file.toString().endsWith("_PiiWardenDescriptor.class")).count())
          .isEqualTo(fromJavac.size());
    }
  }

  /** The fragments a compilation wrote, by file name. */
  private static Map<String, Inventory> fragments(RealCompilation compilation) throws IOException {
    Map<String, Inventory> fragments = new TreeMap<>();
    try (Stream<Path> files = Files.list(compilation.classes.resolve(FRAGMENTS))) {
      files.forEach(file -> fragments.put(file.getFileName().toString(), InventoryJson.read(file)));
    }
    return fragments;
  }

  /** The descriptor sources a compilation generated, by file name. */
  private static Map<String, String> descriptors(RealCompilation compilation) throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(compilation.generated)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        sources.put(compilation.generated.relativize(file).toString(), Files.readString(file));
      }
    }
    return sources;
  }

  /** Lines are javac's alone: Eclipse's compiler gives the processor no positions. */
  private static DataElement unlocated(DataElement element) {
    return new DataElement(element.id(), element.type(), element.member(), element.kind(), element.category(),
        element.purposes(), element.subject(), element.basis(), element.retention(), element.redaction(),
        element.special(), element.sensitive(),
        element.source() == null ? null : new dev.piiwarden.core.inventory.SourceLocation(element.source().file(), 0));
  }

  /** An activity as its declaration gives it: no reads, calls or sinks, no line. */
  private static Activity declarationOnly(Activity activity) {
    return new Activity(activity.id(), activity.type(), activity.method(), activity.name(), activity.purposes(),
        activity.consent(), activity.subjectFrom(), List.of(), List.of(), List.of());
  }
}

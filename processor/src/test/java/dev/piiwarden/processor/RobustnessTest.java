package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Second compiles without clean, several rounds, and nothing written after an error. */
class RobustnessTest {
  private static final String FRAGMENT = "META-INF/piiwarden/types/com.acme.User.json";

  @Test
  void aSecondCompilationIntoTheSameFoldersGivesNoFilerException(@TempDir Path output) throws IOException {
    RealCompilation first = RealCompilation.run(output, Fixtures.files(), List.of());
    assertWithMessage(first.all()).that(first.success).isTrue();
    String fragment = Files.readString(first.classes.resolve(FRAGMENT));

    RealCompilation second = RealCompilation.run(output, Fixtures.files(), List.of());
    assertWithMessage(second.all()).that(second.success).isTrue();
    assertThat(second.messages(Diagnostic.Kind.ERROR)).isEmpty();
    assertThat(second.all()).doesNotContain("FilerException");
    assertThat(Files.readString(second.classes.resolve(FRAGMENT))).isEqualTo(fragment);
    assertThat(Files.exists(second.generated.resolve("com/acme/User_PiiWardenDescriptor.java"))).isTrue();
  }

  @Test
  void nothingIsWrittenAfterAnError(@TempDir Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/com/acme"));
    Path good = Files.writeString(sources.resolve("Good.java"), """
        package com.acme;
        class Good {
          @dev.piiwarden.annotations.PersonalData(category = "user.contact.email")
          String email;
        }
        """);
    Path bad = Files.writeString(sources.resolve("Bad.java"), """
        package com.acme;
        class Bad {
          @dev.piiwarden.annotations.PersonalData(category = "user.contact.emial")
          String email;
        }
        """);
    RealCompilation compilation = RealCompilation.run(dir.resolve("out"), List.of(good, bad), List.of());
    assertThat(compilation.success).isFalse();
    assertThat(compilation.messages(Diagnostic.Kind.ERROR)).hasSize(1);
    assertThat(compilation.messages(Diagnostic.Kind.NOTE).toString())
        .contains("PW012: PII Warden wrote no inventory fragments or descriptors because of the errors above");
    assertThat(Files.exists(compilation.classes.resolve("META-INF"))).isFalse();
    try (Stream<Path> generated = Files.walk(compilation.generated)) {
      assertThat(generated.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void aNestedAndATopLevelClassSharingADescriptorNameAreAnErrorNamingBoth(@TempDir Path dir) throws IOException {
    Path sources = Files.createDirectories(dir.resolve("src/com/acme"));
    Path outer = Files.writeString(sources.resolve("Odd.java"), """
        package com.acme;
        public class Odd {
          public static class Inner {
            @dev.piiwarden.annotations.PersonalData(category = "user.contact.phone_number")
            public String phone;
          }
        }
        """);
    Path topLevel = Files.writeString(sources.resolve("Odd_Inner.java"), """
        package com.acme;
        public class Odd_Inner {
          @dev.piiwarden.annotations.PersonalData(category = "user.contact.email")
          public String email;
        }
        """);
    RealCompilation compilation = RealCompilation.run(dir.resolve("out"), List.of(outer, topLevel), List.of());
    assertThat(compilation.success).isFalse();
    assertThat(compilation.messages(Diagnostic.Kind.ERROR)).hasSize(1);
    String error = compilation.messages(Diagnostic.Kind.ERROR).get(0);
    assertThat(error).contains("PW022");
    assertThat(error).contains("com.acme.Odd$Inner");
    assertThat(error).contains("com.acme.Odd_Inner");
    assertThat(error).contains("Rename one of the two classes.");
  }

  @Test
  void anUnwritableOutputIsOneErrorNamingTheFile(@TempDir Path output) throws IOException {
    // A file where the META-INF folder must go makes every fragment write fail.
    Files.createDirectories(output.resolve("classes"));
    Files.writeString(output.resolve("classes/META-INF"), "in the way");
    RealCompilation compilation = RealCompilation.run(output, List.of(Fixtures.path("User")), List.of());
    assertThat(compilation.success).isFalse();
    assertThat(compilation.messages(Diagnostic.Kind.ERROR)).hasSize(1);
    assertThat(compilation.messages(Diagnostic.Kind.ERROR).get(0))
        .startsWith("PW015: PII Warden cannot write META-INF/piiwarden/types/com.acme.User.json: ");
    assertThat(compilation.messages(Diagnostic.Kind.NOTE).toString()).contains("PW012");
    // Descriptors are written in the rounds (javac compiles them); the fragment only after the
    // class is analysed, so the descriptor is there and nothing is written after the failure.
    assertThat(Files.exists(compilation.generated.resolve("com/acme/User_PiiWardenDescriptor.java"))).isTrue();
  }

  /**
   * Seed mentions Sprout, which another processor generates in round 1: Seed is checked in round 2,
   * when Sprout's {@code @DataSubject} member can be seen, and Sprout's own output is written then.
   */
  @Test
  void typesGeneratedInALaterRoundAreProcessedThere() {
    Compilation compilation = javac()
        .withProcessors(new GeneratingProcessor(), new PiiWardenProcessor())
        .compile(JavaFileObjects.forSourceString("com.acme.Seed", """
            package com.acme;
            @dev.piiwarden.annotations.ProcessingActivity(name = "Seed")
            interface Seed {
              @dev.piiwarden.annotations.ConsentRequired("marketing")
              void plant(com.acme.gen.Sprout sprout);
            }
            """));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/com.acme.Seed.json")
        .contentsAsUtf8String()
        .contains("\"subjectFrom\" : \"PARAMETER 0 FIELD id\"");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/com.acme.gen.Sprout.json")
        .contentsAsUtf8String()
        .contains("\"id\" : \"com.acme.gen.Sprout#email\"");
    assertThat(compilation).generatedSourceFile("com.acme.gen.Sprout_PiiWardenDescriptor");
  }

  /** Writes a class with personal data in its first round, as other processors do. */
  private static final class GeneratingProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("com.acme.gen.Sprout").openWriter()) {
        out.write("""
            package com.acme.gen;
            public class Sprout {
              @dev.piiwarden.annotations.DataSubject
              public String id;
              @dev.piiwarden.annotations.PersonalData(category = "user.contact.email")
              public String email;
            }
            """);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }
}

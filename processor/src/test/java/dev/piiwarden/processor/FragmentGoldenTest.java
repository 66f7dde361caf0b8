package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The fragments written for the fixtures equal, byte for byte, the files under {@code
 * src/test/resources/golden/}. A missing golden file fails the test and leaves the actual text in
 * {@code target/golden-actual/} to review.
 */
class FragmentGoldenTest {
  private static final String FOLDER = "META-INF/piiwarden/types/";
  private static Compilation compilation;

  @BeforeAll
  static void compileFixtures() {
    compilation = javac().withProcessors(new PiiWardenProcessor()).compile(Fixtures.sources());
  }

  @Test
  void fixturesCompileWithoutWarnings() {
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void oneFragmentPerTopLevelClassThatDeclaresSomething() {
    List<String> fragments = compilation.generatedFiles().stream()
        .map(JavaFileObject::getName)
        .filter(name -> name.contains(FOLDER))
        .map(name -> name.substring(name.indexOf(FOLDER) + FOLDER.length()))
        .sorted()
        .collect(Collectors.toList());
    assertThat(fragments).containsExactly(
        "com.acme.Contact.json", "com.acme.Customer.json", "com.acme.Newsletter.json",
        "com.acme.Outer.json", "com.acme.Registration.json", "com.acme.User.json").inOrder();
  }

  @ParameterizedTest
  @ValueSource(strings = {"User", "Customer", "Contact", "Outer", "Newsletter", "Registration"})
  void fragmentMatchesGolden(String simpleName) throws IOException {
    String name = "com.acme." + simpleName + ".json";
    JavaFileObject fragment = compilation.generatedFiles().stream()
        .filter(f -> f.getName().endsWith(FOLDER + name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no fragment " + name));
    String actual = fragment.getCharContent(true).toString();
    try (InputStream golden = getClass().getResourceAsStream("/golden/" + name)) {
      if (golden == null) {
        Path out = Path.of("target", "golden-actual", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual, StandardCharsets.UTF_8);
        throw new AssertionError("no golden file golden/" + name + "; the actual fragment is in " + out);
      }
      assertThat(actual).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void privateNestedClassGetsNoDescriptorAndANote() {
    assertThat(compilation).hadNoteContaining("PW013: Class com.acme.Outer$Hidden is left out");
    TreeSet<String> sources = compilation.generatedSourceFiles().stream()
        .map(JavaFileObject::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(sources.toString()).doesNotContain("Hidden");
  }
}

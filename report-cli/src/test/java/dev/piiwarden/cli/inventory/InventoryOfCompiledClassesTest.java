package dev.piiwarden.cli.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.processor.PiiWardenProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promise end to end: compile with the processor, then list {@code target/classes}. */
class InventoryOfCompiledClassesTest {
  @TempDir Path dir;

  @Test
  void listsEveryDeclaredElementOfClassesCompiledWithTheProcessor() throws Exception {
    Path source =
        write(
            "com/acme/User.java",
            """
            package com.acme;

            import dev.piiwarden.annotations.*;

            public class User {
              @DataSubject private final String id;

              @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE,
                  basis = LawfulBasis.CONTRACT, retention = "P2Y")
              private String email;

              @PersonalData(category = Category.USER_HEALTH_AND_MEDICAL, basis = LawfulBasis.CONSENT)
              private String allergies;

              public User(String id) { this.id = id; }
            }
            """);
    Path classes = Files.createDirectories(dir.resolve("target/classes"));
    compile(source, classes);

    CliResult result = CliRun.run("inventory", "--format", "table", classes.toString());

    assertEquals(0, result.exitCode(), result.describe());
    assertEquals("", result.err());
    List<String> lines = result.out().lines().toList();
    assertTrue(
        lines.stream().anyMatch(line -> line.matches(
            "com\\.acme\\.User#email +user\\.contact\\.email +essential\\.service +customer"
                + " +CONTRACT +P2Y +- +-")),
        result.out());
    assertTrue(
        lines.stream().anyMatch(line -> line.matches(
            "com\\.acme\\.User#allergies +user\\.health_and_medical +- +customer +CONSENT +- +yes +yes")),
        result.out());
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve("src").resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static void compile(Path source, Path classes) throws IOException, URISyntaxException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    String annotations =
        Path.of(PersonalData.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              diagnostics,
              files,
              null,
              List.of("-classpath", annotations, "-d", classes.toString(), "--release", "17"),
              null,
              files.getJavaFileObjects(source.toFile()));
      task.setProcessors(List.of(new PiiWardenProcessor()));
      assertTrue(task.call(), "javac failed:\n" + diagnostics);
    }
  }
}

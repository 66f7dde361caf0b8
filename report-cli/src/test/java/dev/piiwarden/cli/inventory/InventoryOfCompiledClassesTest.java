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

/** End to end: compile with the processor, then list or merge {@code target/classes}. */
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

  @Test
  void twoModulesCompiledApartShowTheFlowsThatCrossThem() throws Exception {
    // module a reads the address and hands it on, through a call and through a record's field;
    // module b, compiled against a's classes, prints what it is handed
    Path a = dir.resolve("a");
    List<Path> sourcesOfA = List.of(
        write(a, "com/acme/User.java", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            public class User {
              @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
              private String email;
              public String getEmail() { return email; }
            }
            """),
        write(a, "com/acme/Envelope.java", """
            package com.acme;
            public record Envelope(String to, String subject) {}
            """),
        write(a, "com/acme/Outlet.java", """
            package com.acme;
            public interface Outlet {
              void send(String text);
              void deliver(Envelope envelope);
            }
            """),
        write(a, "com/acme/Signup.java", """
            package com.acme;
            public class Signup {
              private final Outlet outlet;
              public Signup(Outlet outlet) { this.outlet = outlet; }
              public void register(User user) { outlet.send(user.getEmail()); }
              public void welcome(User user) { outlet.deliver(new Envelope(user.getEmail(), "welcome")); }
            }
            """));
    Path classesOfA = Files.createDirectories(a.resolve("target/classes"));
    compile(sourcesOfA, classesOfA);
    Path b = dir.resolve("b");
    Path printer = write(b, "com/acme/b/PrintingOutlet.java", """
        package com.acme.b;
        public class PrintingOutlet implements com.acme.Outlet {
          @Override public void send(String text) { System.out.println(text); }
          @Override public void deliver(com.acme.Envelope envelope) { System.out.println(envelope.to()); }
        }
        """);
    Path classesOfB = Files.createDirectories(b.resolve("target/classes"));
    compile(List.of(printer), classesOfB, classesOfA);

    CliResult result = CliRun.run("inventory", classesOfA.toString(), classesOfB.toString());

    assertEquals(0, result.exitCode(), result.describe());
    String json = result.out().replaceAll("\\s+", "");
    String console = "\"element\":\"com.acme.User#email\",\"sink\":\"CONSOLE\",\"target\":\"java.io.PrintStream#println\"";
    assertTrue(json.contains("{" + console + ",\"path\":[\"com.acme.Signup#register(com.acme.User)\","
        + "\"com.acme.b.PrintingOutlet#send(java.lang.String)\"]}"), result.out());
    assertTrue(json.contains("{" + console + ",\"path\":[\"com.acme.Signup#welcome(com.acme.User)\","
        + "\"com.acme.Envelope#<init>(java.lang.String,java.lang.String)\",\"com.acme.Envelope#to\","
        + "\"com.acme.b.PrintingOutlet#deliver(com.acme.Envelope)\"]}"), result.out());
  }

  private Path write(String relative, String content) throws IOException {
    return write(dir.resolve("src"), relative, content);
  }

  private static Path write(Path root, String relative, String content) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static void compile(Path source, Path classes) throws IOException, URISyntaxException {
    compile(List.of(source), classes);
  }

  private static void compile(List<Path> sources, Path classes, Path... classPath)
      throws IOException, URISyntaxException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    StringBuilder path = new StringBuilder(
        Path.of(PersonalData.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    for (Path entry : classPath) {
      path.append(java.io.File.pathSeparator).append(entry);
    }
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(
              diagnostics,
              files,
              null,
              List.of("-classpath", path.toString(), "-d", classes.toString(), "--release", "17"),
              null,
              files.getJavaFileObjects(sources.stream().map(Path::toFile).toArray(java.io.File[]::new)));
      task.setProcessors(List.of(new PiiWardenProcessor()));
      assertTrue(task.call(), "javac failed:\n" + diagnostics);
    }
  }
}

package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent keeps to itself: everything it bundles is relocated, an application with other
 * versions of Byte Buddy and Jackson runs unchanged, and applications whose PII Warden API lives in
 * a nested jar or behind a child-first loader see the agent's ledger and are enforced.
 */
class AgentIsolationIT {
  @TempDir Path folder;

  @Test
  void everyBundledClassIsRelocatedUnderTheAgentsPackage() throws IOException {
    List<String> outside = new ArrayList<>();
    try (JarFile jar = new JarFile(FixtureJvm.AGENT_JAR.toFile())) {
      jar.stream()
          .map(JarEntry::getName)
          .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
          .filter(name -> !name.startsWith("dev/piiwarden/agent/"))
          .forEach(outside::add);
      assertEquals("dev.piiwarden.agent.PiiWardenAgent", jar.getManifest().getMainAttributes().getValue("Premain-Class"));
      assertEquals("true", jar.getManifest().getMainAttributes().getValue("Can-Retransform-Classes"));
    }
    assertEquals(List.of(), outside);
  }

  @Test
  void applicationWithOtherByteBuddyAndJacksonRunsUnchanged() throws Exception {
    Path libs = Path.of(System.getProperty("piiwarden.other-libs", "target/other-libs"));
    Path[] jars;
    try (Stream<Path> files = Files.list(libs)) {
      jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toArray(Path[]::new);
    }
    assertEquals(4, jars.length, "byte-buddy 1.14 and jackson 2.17 were copied to " + libs);
    FixtureJvm.Result run = FixtureJvm.current().agent(null).runApp("libraries", jars);
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.stdout().contains("jackson=2.17.2 {\"a\":1}"), run::toString);
    assertTrue(run.stdout().contains("bytebuddy=byte-buddy-1.14.18.jar true"), run::toString);
    assertEquals("denied:NOT_GRANTED:[marketing.communications.email]", run.outcome("notGranted"));
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  /**
   * The agent's own PostgreSQL driver serves its consent store and nothing else: the application's
   * DriverManager neither lists it nor hands it out for a PostgreSQL URL, with a PostgreSQL store or
   * the default one (the application here has no driver of its own, so none is what it must get).
   */
  @Test
  void theAgentsPostgresqlDriverServesItsStoreAndIsNotTheApplicationsDriver() throws Exception {
    assertDriversAreTheApplications(FixtureJvm.current().agent("audit.sink=none").runApp("jdbc-drivers"));
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
      assertDriversAreTheApplications(FixtureJvm.current()
          .property("piiwarden.consent.store", url)
          .agent("audit.sink=none")
          .runApp("jdbc-drivers"));
      try (Connection connection = postgres.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM piiwarden_consent")) {
        rows.next();
        assertEquals(1, rows.getInt(1), "the grant reached the application's consent store");
      }
    }
  }

  private static void assertDriversAreTheApplications(FixtureJvm.Result run) {
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:recorded", run.outcome("grant"), run::toString);
    assertEquals("ran:true", run.outcome("granted"), run::toString);
    assertFalse(run.outcome("drivers").contains("dev.piiwarden"), run::toString);
    assertEquals("none", run.outcome("postgresqlDriver"), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()));
  }

  @Test
  void nestedJarApplicationSharesTheAgentsLedger() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current().agent(null).run(launcher("nested", fatJar().toString()));
    assertEquals("nested-app", run.outcome("loader"), run::toString);
    ConsentEnforcementIT.assertDecisions(run);
  }

  @Test
  void childFirstApplicationSharesTheAgentsLedger() throws Exception {
    FixtureJvm.Result run =
        FixtureJvm.current()
            .agent(null)
            .run(launcher("child-first", plainJar().toString(), annotationsJar().toString()));
    assertEquals("child-first-app", run.outcome("loader"), run::toString);
    ConsentEnforcementIT.assertDecisions(run);
  }

  /**
   * {@code @ConsentRequired} on interfaces and abstract classes is enforced on their
   * implementations when the application has a loader of its own: the supertypes' class files are
   * read through it.
   */
  @Test
  void consentOnAbstractMethodsIsEnforcedUnderTheApplicationsOwnLoader() throws Exception {
    FixtureJvm.Result nested =
        FixtureJvm.current().agent(null).run(launcherOf("inherited", "nested", fatJar().toString()));
    assertEquals("nested-app", nested.outcome("loader"), nested::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(nested.stderr()), nested::toString);
    ConsentEnforcementIT.assertInheritedOutcomes(nested);

    FixtureJvm.Result childFirst = FixtureJvm.current().agent(null)
        .run(launcherOf("inherited", "child-first", plainJar().toString(), annotationsJar().toString()));
    assertEquals("child-first-app", childFirst.outcome("loader"), childFirst::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(childFirst.stderr()), childFirst::toString);
    ConsentEnforcementIT.assertInheritedOutcomes(childFirst);
  }

  /** The fixture application as a Spring Boot style jar: its classes and the annotations jar inside. */
  private Path fatJar() throws Exception {
    Path fat = folder.resolve("fat-app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(fat))) {
      addTree(out, FixtureJvm.testClasses(), "com/acme/fixture/", "BOOT-INF/classes/");
      out.putNextEntry(new JarEntry("BOOT-INF/lib/piiwarden-annotations.jar"));
      out.write(Files.readAllBytes(annotationsJar()));
      out.closeEntry();
    }
    return fat;
  }

  /** The fixture application's classes in a plain jar. */
  private Path plainJar() throws Exception {
    Path app = folder.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(app))) {
      addTree(out, FixtureJvm.testClasses(), "com/acme/fixture/", "");
    }
    return app;
  }

  /** The launcher alone on the system class path; the application only in its own loader. */
  private List<String> launcher(String... arguments) throws Exception {
    return launcherOf("enforce", arguments);
  }

  /** The same, running {@code scenario} of the fixture app. */
  private List<String> launcherOf(String scenario, String... arguments) throws Exception {
    Path launcherClasses = folder.resolve("launcher");
    Path source = FixtureJvm.testClasses().resolve("com/acme/fixture/launch");
    Path target = launcherClasses.resolve("com/acme/fixture/launch");
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    List<String> command = new ArrayList<>(List.of("-cp", launcherClasses.toString(), "com.acme.fixture.launch.IsolatingLauncher"));
    command.addAll(List.of(arguments));
    command.add(scenario);
    return command;
  }

  private Path annotationsJar() throws Exception {
    Path location = FixtureJvm.annotations();
    if (Files.isRegularFile(location)) {
      return location;
    }
    Path jar = folder.resolve("piiwarden-annotations.jar");
    if (!Files.exists(jar)) {
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        addTree(out, location, "", "");
      }
    }
    return jar;
  }

  private static void addTree(JarOutputStream out, Path root, String under, String prefix) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve(under))) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = root.relativize(file).toString().replace('\\', '/');
        if (Files.isRegularFile(file) && !name.startsWith("com/acme/fixture/launch/")) {
          out.putNextEntry(new JarEntry(prefix + name));
          Files.copy(file, (OutputStream) out);
          out.closeEntry();
        }
      }
    }
  }
}

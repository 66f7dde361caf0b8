package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.BuildFailure;
import org.apache.maven.execution.BuildSuccess;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which module of the reactor does the reactor-wide work, and what the others read. */
class ReactorTest {
  @TempDir Path dir;

  @Test
  void theWorkIsDoneInTheLastModuleThatRunsTheGoal() {
    MavenProject payments = module("payments", true, new Properties());
    MavenProject audit = module("audit", true, new Properties());
    Properties skipped = new Properties();
    skipped.setProperty("piiwarden.skip", "true");
    MavenProject extras = module("extras", true, skipped);
    MavenProject bom = module("bom", false, new Properties());
    MavenSession session = session(payments, audit, extras, bom);

    assertEquals(audit, Reactor.lastRunning(session, execution("ropa"), "ropa", payments));
    assertEquals("com.acme:extras:jar:1.0, com.acme:bom:jar:1.0", Reactor.after(session, audit));
    assertEquals(List.of(), Reactor.classFolders(session, audit, "ropa", new RecordingLog()), "no module compiled here");
  }

  /**
   * With -pl, the reactor-wide files still hold the modules left out, from the classes an earlier
   * build left; a left-out module without classes is named in a warning.
   */
  @Test
  void modulesLeftOutOfThisBuildAreReadFromAnEarlierBuildsClasses() throws Exception {
    MavenProject signup = module("signup", true, new Properties());
    MavenProject mail = module("mail", true, new Properties());
    MavenProject reports = module("reports", true, new Properties());
    MavenSession session = session(signup);
    session.setAllProjects(List.of(signup, mail, reports));
    Files.createDirectories(dir.resolve("signup/target/classes"));
    Files.createDirectories(dir.resolve("mail/target/classes"));
    RecordingLog log = new RecordingLog();

    assertEquals(List.of(dir.resolve("signup/target/classes"), dir.resolve("mail/target/classes")),
        Reactor.classFolders(session, signup, "ropa", log));
    assertEquals(List.of("PII Warden ropa (aggregate): the modules this build leaves out (-pl) are read from the"
        + " classes an earlier build left in their target folders: com.acme:mail:jar:1.0"), log.at("INFO"));
    assertEquals(List.of("PII Warden ropa (aggregate): the modules this build leaves out (-pl) have no classes from"
        + " an earlier build, so the reactor-wide files lack their data: com.acme:reports:jar:1.0; build the whole"
        + " project once (mvn verify) for complete records"), log.at("WARN"));
  }

  @Test
  void aWaitingModuleDoesNotReadTheRopaConfig() throws Exception {
    MavenProject payments = module("payments", true, new Properties());
    MavenProject audit = module("audit", true, new Properties());
    RopaMojo ropa = new RopaMojo();
    ropa.session = session(payments, audit);
    ropa.mojoExecution = execution("ropa");
    ropa.aggregate = true;
    ropa.formats = "md";
    ropa.config = dir.resolve("payments/ropa.yaml").toFile();
    ropa.project = payments;
    RecordingLog log = new RecordingLog();
    ropa.setLog(log);

    ropa.execute();
    assertEquals(List.of("PII Warden ropa (aggregate): runs in the last module of the reactor that runs it,"
        + " com.acme:audit:jar:1.0"), log.at("INFO"));

    ropa.project = audit;
    String message = assertThrows(MojoExecutionException.class, ropa::execute).getMessage();
    assertTrue(message.startsWith("config " + ropa.config + ": cannot be read (no such file); pass a JSON or YAML"
        + " file that exists"), message);
  }

  @Test
  void inAParallelBuildTheCheckWaitsForTheModulesBeforeItToFinish() throws Exception {
    MavenProject payments = module("payments", true, new Properties());
    CheckMojo check = parallelCheckAfter(payments);
    // payments is still compiling when audit's check starts: its fragment comes, then its build ends.
    Thread payingModule = new Thread(() -> {
      try {
        Thread.sleep(3 * Reactor.POLL_MILLIS);
        ClassFolder.withFragment(dir.resolve("payments/target/classes"), "com.acme.Fixture", ClassFolder.fixture());
        Thread.sleep(3 * Reactor.POLL_MILLIS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      check.session.getResult().addBuildSummary(new BuildSuccess(payments, 1));
    });
    payingModule.start();

    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
    payingModule.join();

    assertTrue(e.getMessage().contains("[PWP001-sensitive-data-to-log]"), e.getMessage());
    List<String> info = ((RecordingLog) check.getLog()).at("INFO");
    assertEquals("PII Warden check: the build is parallel, so this waits for the modules before this one to finish"
        + " building (at most 60 s, piiwarden.reactorTimeout): com.acme:payments:jar:1.0", info.get(0));
    assertTrue(info.get(1).startsWith("PII Warden check: the modules before this one finished building after "), info.toString());
  }

  @Test
  void theWaitEndsWithOneMessageWhenItTakesTooLongOrAModuleFailed() throws Exception {
    MavenProject payments = module("payments", true, new Properties());
    CheckMojo check = parallelCheckAfter(payments);
    check.reactorTimeout = 1;
    assertEquals("PII Warden check: com.acme:payments:jar:1.0 still building after 1 s, so their classes cannot be"
        + " read yet; raise piiwarden.reactorTimeout, build without -T, or run 'mvn piiwarden:check"
        + " -Dpiiwarden.check.aggregate=true' as a separate step after the build",
        assertThrows(MojoExecutionException.class, check::execute).getMessage());

    check.reactorTimeout = 0;
    assertEquals("reactorTimeout: 0 is not a positive number of seconds; pass how long the reactor-wide work may"
        + " wait for the other modules of a parallel build, e.g. 3600",
        assertThrows(MojoExecutionException.class, check::execute).getMessage());

    check.reactorTimeout = 60;
    check.session.getResult().addBuildSummary(new BuildFailure(payments, 1, new IllegalStateException("compilation failed")));
    assertEquals("PII Warden check: not done, as module com.acme:payments:jar:1.0 failed and the reactor-wide work"
        + " needs the classes of every module before this one; fix that module's build first",
        assertThrows(MojoExecutionException.class, check::execute).getMessage());
  }

  @Test
  void withAggregateTheSourceRootIsAPrefixBeforeTheModulesSourceFolder() throws Exception {
    Model parent = new Model();
    parent.setGroupId("com.acme");
    parent.setArtifactId("parent");
    parent.setVersion("1.0");
    parent.setPackaging("pom");
    parent.addModule("payments");
    parent.setBuild(new Build());
    parent.getBuild().setDirectory(dir.resolve("target").toString());
    parent.getBuild().setOutputDirectory(dir.resolve("target/classes").toString());
    parent.getBuild().setSourceDirectory(dir.resolve("src/main/java").toString());
    MavenProject root = new MavenProject(parent);
    root.setFile(dir.resolve("pom.xml").toFile());
    MavenProject payments = module("payments", true, new Properties());
    ClassFolder.withFragment(dir.resolve("payments/target/classes"), "com.acme.Fixture", ClassFolder.fixture());
    Path checkout = dir.resolve("payments/src/main/java/com/acme/Checkout.java");
    Files.createDirectories(checkout.getParent());
    Files.writeString(checkout, "package com.acme;\n");
    CheckMojo check = aggregateCheck(session(root, payments), payments);
    check.sourceRoot = "backend";

    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);

    String path = "backend/payments/src/main/java/com/acme/Checkout.java";
    assertTrue(e.getMessage().contains("\n  " + path + ":27: error: "), e.getMessage());
    assertTrue(Files.readString(check.sarifFile.toPath()).contains("\"uri\" : \"" + path + "\""));
  }

  /**
   * With -pl tools, a finding in payments, left out and read from its classes, is at payments' source
   * folder relative to the folder of the whole reactor, as in the full build: found among every module,
   * under the folder that holds them all (here no multi-module directory is known: their common parent).
   */
  @Test
  void aFindingInAModuleLeftOutOfThisBuildIsInThatModulesSourceFolder() throws Exception {
    Model parent = new Model();
    parent.setGroupId("com.acme");
    parent.setArtifactId("parent");
    parent.setVersion("1.0");
    parent.setPackaging("pom");
    parent.addModule("payments");
    parent.addModule("tools");
    parent.setBuild(new Build());
    parent.getBuild().setDirectory(dir.resolve("target").toString());
    parent.getBuild().setOutputDirectory(dir.resolve("target/classes").toString());
    parent.getBuild().setSourceDirectory(dir.resolve("src/main/java").toString());
    MavenProject root = new MavenProject(parent);
    root.setFile(dir.resolve("pom.xml").toFile());
    MavenProject payments = module("payments", true, new Properties());
    MavenProject tools = module("tools", true, new Properties());
    ClassFolder.withFragment(dir.resolve("payments/target/classes"), "com.acme.Fixture", ClassFolder.fixture());
    Path checkout = dir.resolve("payments/src/main/java/com/acme/Checkout.java");
    Files.createDirectories(checkout.getParent());
    Files.writeString(checkout, "package com.acme;\n");
    MavenSession session = session(tools);
    session.setAllProjects(List.of(root, payments, tools));
    CheckMojo check = aggregateCheck(session, tools);
    check.sourceRoot = null;

    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);

    String path = "payments/src/main/java/com/acme/Checkout.java";
    assertTrue(e.getMessage().contains("\n  " + path + ":27: error: "), e.getMessage());
    assertTrue(Files.readString(check.sarifFile.toPath()).contains("\"uri\" : \"" + path + "\""));
    assertTrue(((RecordingLog) check.getLog()).at("ERROR").stream().anyMatch(l -> l.startsWith(path + ":27: error: ")));
  }

  // audit's reactor-wide check in a parallel build, with payments before it.
  private CheckMojo parallelCheckAfter(MavenProject payments) {
    MavenProject audit = module("audit", true, new Properties());
    MavenSession session = session(payments, audit);
    session.setParallel(true);
    return aggregateCheck(session, audit);
  }

  private CheckMojo aggregateCheck(MavenSession session, MavenProject last) {
    CheckMojo check = BadInputTest.check(dir.resolve(last.getArtifactId() + "/target/classes"), null);
    check.aggregate = true;
    check.session = session;
    check.project = last;
    check.mojoExecution = execution("check");
    check.reactorTimeout = 60;
    return check;
  }

  private MavenProject module(String name, boolean bound, Properties properties) {
    Model model = new Model();
    model.setGroupId("com.acme");
    model.setArtifactId(name);
    model.setVersion("1.0");
    model.setProperties(properties);
    Build build = new Build();
    build.setDirectory(dir.resolve(name + "/target").toString());
    build.setOutputDirectory(dir.resolve(name + "/target/classes").toString());
    build.setSourceDirectory(dir.resolve(name + "/src/main/java").toString());
    if (bound) {
      PluginExecution execution = new PluginExecution();
      execution.setId("default");
      execution.addGoal("ropa");
      Plugin plugin = new Plugin();
      plugin.setGroupId("dev.piiwarden");
      plugin.setArtifactId("piiwarden-maven-plugin");
      plugin.addExecution(execution);
      build.addPlugin(plugin);
    }
    model.setBuild(build);
    MavenProject project = new MavenProject(model);
    project.setFile(dir.resolve(name + "/pom.xml").toFile());
    return project;
  }

  @SuppressWarnings("deprecation")
  private static MavenSession session(MavenProject... projects) {
    return new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(),
        List.of(projects));
  }

  private static MojoExecution execution(String goal) {
    Plugin plugin = new Plugin();
    plugin.setGroupId("dev.piiwarden");
    plugin.setArtifactId("piiwarden-maven-plugin");
    PluginDescriptor descriptor = new PluginDescriptor();
    descriptor.setPlugin(plugin);
    MojoDescriptor mojo = new MojoDescriptor();
    mojo.setPluginDescriptor(descriptor);
    mojo.setGoal(goal);
    return new MojoExecution(mojo, "default", MojoExecution.Source.LIFECYCLE);
  }
}

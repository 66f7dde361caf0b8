package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
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
    assertEquals(List.of(), Reactor.classFolders(session, audit), "no module compiled here");
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

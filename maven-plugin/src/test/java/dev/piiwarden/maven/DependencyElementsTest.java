package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module that reads the entities of its dependency: the check knows their categories. */
class DependencyElementsTest {
  // The domain module: a card number, declared without retention (a warning of the default policy there).
  private static final String CUSTOMER = """
      {"schema": "piiwarden-inventory/1", "activities": [], "flows": [], "dataElements": [
        {"id": "com.shop.domain.Customer#cardNumber", "type": "com.shop.domain.Customer", "member": "cardNumber",
         "kind": "FIELD", "category": "user.financial.credit_card", "purposes": ["essential.service"],
         "subject": "customer", "basis": "CONTRACT", "redaction": "PARTIAL", "special": false, "sensitive": true,
         "source": {"file": "com/shop/domain/Customer.java", "line": 9}}]}
      """;
  // The service module: it logs the card number of a Customer.
  private static final String SERVICE = """
      {"schema": "piiwarden-inventory/1", "dataElements": [], "flows": [], "activities": [
        {"id": "com.shop.service.CustomerService#charge(com.shop.domain.Customer)",
         "type": "com.shop.service.CustomerService", "method": "charge(com.shop.domain.Customer)",
         "purposes": [], "reads": ["com.shop.domain.Customer#cardNumber"],
         "sinks": [{"kind": "LOG", "target": "org.slf4j.Logger#debug", "line": 28,
           "elements": ["com.shop.domain.Customer#cardNumber"], "confidence": "DIRECT"}]}]}
      """;

  @TempDir Path dir;

  @Test
  void dataOfADependencyLoggedHereFailsTheCheck() throws IOException {
    CheckMojo check = serviceCheck(artifact("compile", jar("domain.jar", CUSTOMER)));

    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);

    List<String> lines = e.getMessage().lines().toList();
    assertEquals("PII Warden check failed: policy violations: 1 error, 0 warnings, 0 notes (policy piiwarden-default)",
        lines.get(0), "the domain's missing retention is the domain's own check's warning");
    assertTrue(lines.get(1).startsWith("  com/shop/service/CustomerService.java:28: error: user.financial.credit_card"
        + " (com.shop.domain.Customer#cardNumber) reaches LOG"), lines.get(1));
    assertEquals(List.of(), ((RecordingLog) check.getLog()).at("WARN"));
  }

  @Test
  void aReadOfDataNoInputDeclaresIsAWarning() throws Exception {
    CheckMojo check = serviceCheck(artifact("test", jar("domain.jar", CUSTOMER)));

    check.execute();

    RecordingLog log = (RecordingLog) check.getLog();
    assertEquals(List.of("PII Warden check: activity CustomerService.charge reads 1 data element declared neither in"
        + " this module nor in its dependencies, so no policy rule sees it; compile the module that declares it with"
        + " piiwarden-processor"), log.at("WARN"), "a test dependency is not on the compile classpath");
    assertTrue(log.at("INFO").stream().anyMatch(l -> l.startsWith("PII Warden check: 0 errors")), log.lines.toString());
  }

  @Test
  void aReactorModuleMavenDidNotResolveIsReadFromItsClassFolder() throws IOException {
    // mvn piiwarden:check on its own: the dependencies are collected, not resolved.
    Artifact domainArtifact = artifact("compile", null);
    MavenProject domain = project("domain");
    ClassFolder.withFragment(Path.of(domain.getBuild().getOutputDirectory()), "com.shop.domain.Customer", CUSTOMER);
    CheckMojo check = serviceCheck(domainArtifact);
    check.session = reactor(domain, check.project);

    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);
    assertTrue(e.getMessage().contains("[PWP001-sensitive-data-to-log]"), e.getMessage());
  }

  @Test
  void aCorruptFragmentInADependencyNamesTheDependency() throws IOException {
    Path jar = jar("domain.jar", "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [");
    CheckMojo check = serviceCheck(artifact("compile", jar));

    String message = assertThrows(MojoExecutionException.class, check::execute).getMessage();

    assertTrue(message.startsWith("dependency com.shop:domain:jar:1.0: " + jar + "!/META-INF/piiwarden/types/"
        + "com.shop.domain.Customer.json: "), message);
    assertFalse(message.contains("\n"), message);
  }

  private CheckMojo serviceCheck(Artifact dependency) throws IOException {
    Path classes = dir.resolve("service/target/classes");
    ClassFolder.withFragment(classes, "com.shop.service.CustomerService", SERVICE);
    CheckMojo check = BadInputTest.check(classes, null);
    check.project = project("service");
    check.project.setArtifacts(Set.of(dependency));
    return check;
  }

  private MavenProject project(String name) {
    Model model = new Model();
    model.setGroupId("com.shop");
    model.setArtifactId(name);
    model.setVersion("1.0");
    Build build = new Build();
    build.setDirectory(dir.resolve(name + "/target").toString());
    build.setOutputDirectory(dir.resolve(name + "/target/classes").toString());
    model.setBuild(build);
    return new MavenProject(model);
  }

  private static Artifact artifact(String scope, Path file) {
    DefaultArtifactHandler handler = new DefaultArtifactHandler("jar");
    handler.setAddedToClasspath(true);
    DefaultArtifact artifact = new DefaultArtifact("com.shop", "domain", "1.0", scope, "jar", null, handler);
    artifact.setFile(file == null ? null : file.toFile());
    return artifact;
  }

  private Path jar(String name, String customerFragment) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
      entries.putNextEntry(new JarEntry("META-INF/piiwarden/types/com.shop.domain.Customer.json"));
      entries.write(customerFragment.getBytes(StandardCharsets.UTF_8));
      entries.closeEntry();
    }
    return jar;
  }

  @SuppressWarnings("deprecation")
  private static MavenSession reactor(MavenProject... modules) {
    MavenSession session = new MavenSession(null, new DefaultMavenExecutionRequest(),
        new DefaultMavenExecutionResult(), List.of(modules));
    session.setAllProjects(List.of(modules));
    return session;
  }
}

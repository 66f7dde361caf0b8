package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.inventory.InventoryInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Bad input stops the goal with core's one-line message, as a MojoExecutionException. */
class BadInputTest {
  @TempDir Path dir;

  @Test
  @SuppressWarnings("deprecation")
  void aCorruptFragmentGivesCoreMessageAndInAParallelBuildSaysItMayStillHaveBeenWritten() throws IOException {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.User", "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [");
    String coreMessage = assertThrows(InventoryException.class, () -> InventoryInputs.read(classes)).getMessage();

    InventoryMojo mojo = new InventoryMojo();
    mojo.classesDirectory = classes.toFile();
    mojo.outputFile = dir.resolve("out/inventory.json").toFile();

    String message = oneLine(mojo::execute);
    assertEquals(coreMessage, message);
    assertTrue(message.contains("com.acme.User.json"), message);
    assertFalse(Files.exists(dir.resolve("out/inventory.json")));

    mojo.session = new MavenSession(null, new DefaultMavenExecutionRequest(), new DefaultMavenExecutionResult(), List.of());
    mojo.session.setParallel(true);
    assertEquals(coreMessage + " (the build is parallel: if a module building at the same time was still writing"
        + " it, build again, without -T to be sure)", oneLine(mojo::execute));
  }

  @Test
  void badPoliciesNameTheFileAndTheProblem() throws IOException {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    Path unknownField = Files.writeString(dir.resolve("a.yaml"),
        "rules:\n  - id: r\n    type: deny-sink\n    categorys: [user]\n    sinks: [LOG]\n");
    Path malformedYaml = Files.writeString(dir.resolve("b.yml"), "rules: [\n  - id: r\n");
    Path malformedJson = Files.writeString(dir.resolve("c.json"), "{\"rules\": ");

    assertTrue(oneLine(check(classes, unknownField)::execute).contains("did you mean 'categories'?"));
    String yaml = oneLine(check(classes, malformedYaml)::execute);
    assertTrue(yaml.startsWith("policy " + malformedYaml + ": not valid YAML at line"), yaml);
    String json = oneLine(check(classes, malformedJson)::execute);
    assertTrue(json.startsWith("policy " + malformedJson + ": not valid JSON at line"), json);
    String missing = oneLine(check(classes, dir.resolve("missing.yaml"))::execute);
    assertTrue(missing.contains("cannot be read"), missing);
  }

  @Test
  void badParameterValuesSayWhatToPass() throws IOException {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    CheckMojo check = check(classes, null);
    check.baseline = dir.resolve("base.json").toFile();
    check.failOn = "elements,flow,colours";
    assertEquals("failOn: unknown kind 'colours'; pass a comma-separated list of elements, activities, flows,"
        + " purposes, any", oneLine(check::execute));

    check.failOn = "any";
    String baseline = oneLine(check::execute);
    assertTrue(baseline.startsWith("baseline " + dir.resolve("base.json") + ": no such file"), baseline);

    RopaMojo ropa = new RopaMojo();
    ropa.classesDirectory = classes.toFile();
    ropa.outputDirectory = dir.resolve("out").toFile();
    ropa.formats = "md,pdf";
    assertEquals("formats: unknown format 'pdf'; pass a comma-separated list of md, html, csv, json",
        oneLine(ropa::execute));

    ropa.formats = "md";
    ropa.config = Files.writeString(dir.resolve("ropa.yaml"), "controler: Acme\n").toFile();
    assertTrue(oneLine(ropa::execute).contains("unknown field 'controler'; did you mean 'controller'?"));

    ropa.config = Files.writeString(dir.resolve("ropa.yaml"), "recipients: [{name: M, activities: [Nowhere]}]\n")
        .toFile();
    assertTrue(oneLine(ropa::execute).startsWith("config " + ropa.config + ": recipients[0].activities[0] is no"
        + " activity of the inventory;"));
    assertFalse(Files.exists(dir.resolve("out/ropa.md")), "no record without the recipient");
  }

  @Test
  void anOutputFileThatIsAFolderSaysSo() throws IOException {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    InventoryMojo inventory = new InventoryMojo();
    inventory.classesDirectory = classes.toFile();
    inventory.outputFile = Files.createDirectories(dir.resolve("out")).toFile();
    inventory.setLog(new RecordingLog());
    assertEquals("cannot write " + inventory.outputFile + ": it is a folder; pass the path of a file (one in that"
        + " folder, say)", oneLine(inventory::execute));
  }

  @Test
  void anUnknownPolicyCategoryIsEchoedWithoutACliOption() throws IOException {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    Path policy = Files.writeString(dir.resolve("p.yaml"),
        "rules:\n  - id: r\n    type: deny-sink\n    categories: [user.finacial]\n    sinks: [LOG]\n");
    String message = oneLine(check(classes, policy)::execute);
    assertTrue(message.contains("categories[0] 'user.finacial' is not a category of the taxonomy; did you mean"
        + " 'user.financial'?"), message);
    assertFalse(message.contains("--"), message);
  }

  @Test
  void noMessageOfTheErrorOrItsCausesQuotesTheFile() throws IOException {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.Fixture", ClassFolder.fixture());
    String dpo = "dpo@example.com";
    RopaMojo ropa = new RopaMojo();
    ropa.classesDirectory = classes.toFile();
    ropa.outputDirectory = dir.resolve("out").toFile();
    ropa.formats = "md";
    ropa.config = Files.writeString(dir.resolve("ropa.yaml"), "dpo:\n  email: " + dpo + "\n  phone: [+49 30 1234\n")
        .toFile();
    assertFalse(oneLine(ropa::execute).contains(dpo));
    ropa.config = Files.writeString(dir.resolve("ropa.json"), "{\"dpo\": {\"email\": \"" + dpo + "\" \"x\"}}").toFile();
    assertFalse(oneLine(ropa::execute).contains(dpo));

    Path corrupt = dir.resolve("corrupt");
    ClassFolder.withFragment(corrupt, "com.acme.User", "{\"schema\": \"piiwarden-inventory/1\", \"note\": \"" + dpo + "\" [");
    InventoryMojo inventory = new InventoryMojo();
    inventory.classesDirectory = corrupt.toFile();
    inventory.outputFile = dir.resolve("out/inventory.json").toFile();
    assertFalse(oneLine(inventory::execute).contains(dpo));

    CheckMojo check = check(classes, null);
    check.baseline = Files.writeString(dir.resolve("base.json"), "{\"owner\": \"" + dpo + "\" [").toFile();
    assertFalse(oneLine(check::execute).contains(dpo));
  }

  static CheckMojo check(Path classes, Path policy) {
    CheckMojo mojo = new CheckMojo();
    mojo.classesDirectory = classes.toFile();
    mojo.policy = policy == null ? null : policy.toFile();
    mojo.failOn = "any";
    mojo.sourceRoot = "";
    mojo.sarifFile = classes.resolveSibling("piiwarden/piiwarden.sarif").toFile();
    mojo.plugin = new PluginDescriptor();
    mojo.plugin.setVersion("test");
    mojo.setLog(new RecordingLog());
    return mojo;
  }

  // Maven prints the message of the error and of every cause: each must be one line, and a cause's
  // message no more than the error's, which Maven then leaves out.
  private static String oneLine(Executable goal) {
    MojoExecutionException e = assertThrows(MojoExecutionException.class, goal);
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      assertTrue(cause.getMessage() == null || e.getMessage().contains(cause.getMessage()),
          "Maven would print the cause's message: " + cause.getMessage());
    }
    return e.getMessage();
  }
}

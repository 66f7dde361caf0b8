package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A module whose classes hold no fragment: said once, and the processor advised only when it is missing. */
class NoFragmentsTest {
  @TempDir Path dir;

  @Test
  void withTheProcessorItIsNoPersonalDataSaidOnce() throws Exception {
    RecordingLog log = runInventoryAndCheck(module(true));
    assertEquals(List.of(), log.at("WARN"));
    List<String> said = log.at("INFO").stream().filter(l -> l.startsWith("no inventory fragments")).toList();
    assertEquals(List.of("no inventory fragments found in " + dir.resolve("classes") + ": piiwarden-processor found"
        + " no @PersonalData or @ProcessingActivity; nothing to report"), said);
  }

  @Test
  void withoutTheProcessorItIsAdvisedOnce() throws Exception {
    RecordingLog log = runInventoryAndCheck(module(false));
    assertEquals(List.of("no inventory fragments found in " + dir.resolve("classes") + "; if this module has personal"
        + " data, add piiwarden-processor to the maven-compiler-plugin annotationProcessorPaths"), log.at("WARN"));
  }

  private RecordingLog runInventoryAndCheck(MavenProject module) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Map<Object, Object> context = new HashMap<>();
    RecordingLog log = new RecordingLog();
    InventoryMojo inventory = new InventoryMojo();
    inventory.project = module;
    inventory.classesDirectory = classes.toFile();
    inventory.outputFile = dir.resolve("out/inventory.json").toFile();
    inventory.setPluginContext(context);
    inventory.setLog(log);
    inventory.execute();
    CheckMojo check = BadInputTest.check(classes, null);
    check.project = module;
    check.setPluginContext(context);
    check.setLog(log);
    check.execute();
    assertTrue(log.at("INFO").stream().anyMatch(l -> l.startsWith("PII Warden check: 0 errors, 0 warnings, 0 notes")), log.lines.toString());
    return log;
  }

  private MavenProject module(boolean withProcessor) {
    Model model = new Model();
    model.setGroupId("com.acme");
    model.setArtifactId("plain");
    model.setVersion("1.0");
    Build build = new Build();
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    if (withProcessor) {
      Xpp3Dom configuration = new Xpp3Dom("configuration");
      Xpp3Dom paths = new Xpp3Dom("annotationProcessorPaths");
      Xpp3Dom path = new Xpp3Dom("path");
      Xpp3Dom artifactId = new Xpp3Dom("artifactId");
      artifactId.setValue("piiwarden-processor");
      path.addChild(artifactId);
      paths.addChild(path);
      configuration.addChild(paths);
      compiler.setConfiguration(configuration);
    }
    build.addPlugin(compiler);
    model.setBuild(build);
    return new MavenProject(model);
  }
}

package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A module whose classes hold no fragment: said once, the processor advised only when it is missing,
 * and a warning that fails the check when the classes carry PII Warden annotations.
 */
class NoFragmentsTest {
  @TempDir Path dir;

  @Test
  void withTheProcessorItIsNoPersonalDataSaidOnce() throws Exception {
    RecordingLog log = runInventoryAndCheck(module(true));
    assertEquals(List.of(), log.at("WARN"));
    List<String> said = log.at("INFO").stream().filter(l -> l.startsWith("no inventory fragments")).toList();
    assertEquals(List.of("no inventory fragments found in " + dir.resolve("classes") + ", and no class in it refers"
        + " to PII Warden's annotations (@PersonalData, @ProcessingActivity, @ConsentRequired); nothing to report"), said);
  }

  @Test
  void withoutTheProcessorItIsAdvisedOnce() throws Exception {
    RecordingLog log = runInventoryAndCheck(module(false));
    assertEquals(List.of("no inventory fragments found in " + dir.resolve("classes") + "; if this module has personal"
        + " data, add piiwarden-processor to the maven-compiler-plugin annotationProcessorPaths"), log.at("WARN"));
  }

  @Test
  void annotatedClassesWithoutFragmentsAreAWarningOnceAndFailTheCheck() throws Exception {
    Path classes = dir.resolve("classes");
    ClassFolder.compiledWithoutProcessor(classes, "com.acme.User", """
        package com.acme;
        import dev.piiwarden.annotations.PersonalData;
        public class User {
          @PersonalData(category = "user.financial.credit_card") String card;
        }
        """);
    String processorDidNotRun = classes + " holds classes that refer to PII Warden's annotations"
        + " (com/acme/User.class refers to @PersonalData) but no inventory fragments: piiwarden-processor did not run when they were"
        + " compiled; put it on the annotationProcessorPaths of maven-compiler-plugin 3.5 or later (Maven's"
        + " default 3.1 ignores them), do not pass -proc:none, and build again";
    Map<Object, Object> context = new HashMap<>();
    RecordingLog log = new RecordingLog();
    inventory(module(true), classes, dir, context, log).execute();
    CheckMojo check = check(module(true), classes, context, log);

    MojoFailureException e = assertThrows(MojoFailureException.class, check::execute);

    assertEquals("PII Warden check failed: " + processorDidNotRun, e.getMessage());
    assertEquals(List.of(processorDidNotRun), log.at("WARN"), "said once, by the first goal");
    assertEquals(List.of(), log.at("INFO").stream().filter(l -> l.startsWith("no inventory fragments")).toList());
  }

  @Test
  void classesWithoutFragmentsFailTheCheckWhenProcessingIsTurnedOffEvenWithoutAnnotations() throws Exception {
    Path classes = dir.resolve("classes");
    ClassFolder.compiledWithoutProcessor(classes, "com.acme.Ctl", """
        package com.acme;
        public class Ctl {
          public String show(Object patient) { return "iban " + patient; }
        }
        """);
    for (String setting : List.of("property", "proc", "compilerArgs")) {
      MavenProject module = module(true);
      Xpp3Dom configuration = (Xpp3Dom) module.getBuild().getPlugins().get(0).getConfiguration();
      String named = switch (setting) {
        case "property" -> {
          module.getProperties().setProperty("maven.compiler.proc", "none");
          yield "maven.compiler.proc=none";
        }
        case "proc" -> {
          Xpp3Dom proc = new Xpp3Dom("proc");
          proc.setValue("none");
          configuration.addChild(proc);
          yield "<proc>none</proc>";
        }
        default -> {
          Xpp3Dom args = new Xpp3Dom("compilerArgs");
          Xpp3Dom arg = new Xpp3Dom("arg");
          arg.setValue("-proc:none");
          args.addChild(arg);
          configuration.addChild(args);
          yield "-proc:none";
        }
      };
      RecordingLog log = new RecordingLog();
      CheckMojo check = check(module, classes, new HashMap<>(), log);

      MojoFailureException e = assertThrows(MojoFailureException.class, check::execute, setting);

      assertEquals("PII Warden check failed: " + classes + " holds classes but no inventory fragments, and"
          + " annotation processing is off for this module (" + named + "), so piiwarden-processor could"
          + " not see what its code reads and where it goes; drop that setting (or leave piiwarden:check"
          + " out of this module) and build again", e.getMessage());
    }
    // processing on: a module whose classes read nothing has nothing to report
    runInventoryAndCheck(module(true));
  }

  /** Fragments of classes compiled without the method-body analysis: said once, by the first goal. */
  @Test
  void classesCompiledWithoutTheBodyAnalysisAreAWarningOnce() throws Exception {
    Path classes = dir.resolve("classes");
    dev.piiwarden.core.inventory.InventoryJson.write(new dev.piiwarden.core.inventory.Inventory(
        dev.piiwarden.core.inventory.Inventory.SCHEMA, List.of(), List.of(), List.of(), List.of(),
        List.of("com.acme.Ctl")), classes.resolve("META-INF/piiwarden/types/com.acme.Ctl.json"));
    Map<Object, Object> context = new HashMap<>();
    RecordingLog log = new RecordingLog();
    inventory(module(true), classes, dir, context, log).execute();
    check(module(true), classes, context, log).execute();

    assertEquals(List.of("PII Warden: 1 class was compiled without piiwarden-processor's method-body analysis (com.acme.Ctl),"
        + " so what their methods read and where they send it (reads, sinks, flows, recipients) is missing from"
        + " this inventory; compile them with javac, with piiwarden.flow on and without -proc:only (Kotlin"
        + " classes cannot be: kapt hands processors stubs without bodies)"), log.at("WARN"));
  }

  private RecordingLog runInventoryAndCheck(MavenProject module) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Map<Object, Object> context = new HashMap<>();
    RecordingLog log = new RecordingLog();
    inventory(module, classes, dir, context, log).execute();
    check(module, classes, context, log).execute();
    assertTrue(log.at("INFO").stream().anyMatch(l -> l.startsWith("PII Warden check: 0 errors, 0 warnings, 0 notes")), log.lines.toString());
    return log;
  }

  /** The inventory goal of {@code module}, writing under {@code folder}, sharing {@code context}. */
  static InventoryMojo inventory(MavenProject module, Path classes, Path folder, Map<Object, Object> context,
      RecordingLog log) {
    InventoryMojo inventory = new InventoryMojo();
    inventory.project = module;
    inventory.classesDirectory = classes.toFile();
    inventory.outputFile = folder.resolve("out/inventory.json").toFile();
    inventory.setPluginContext(context);
    inventory.setLog(log);
    return inventory;
  }

  /** The check goal of {@code module}, sharing {@code context}. */
  static CheckMojo check(MavenProject module, Path classes, Map<Object, Object> context, RecordingLog log) {
    CheckMojo check = BadInputTest.check(classes, null);
    check.project = module;
    check.setPluginContext(context);
    check.setLog(log);
    return check;
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

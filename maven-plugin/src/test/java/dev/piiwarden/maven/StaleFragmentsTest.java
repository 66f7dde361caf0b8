package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class folder that keeps the fragments of classes whose source is gone (renamed or deleted, built
 * without incremental compilation): one warning per module naming them, their data kept.
 */
class StaleFragmentsTest {
  @TempDir Path dir;

  @Test
  void fragmentsWhoseSourceIsGoneAreOneWarningSaidOnceAndKept() throws Exception {
    Path classes = dir.resolve("classes");
    Path sources = dir.resolve("src/main/java");
    Path generated = dir.resolve("target/generated-sources/annotations");
    source(sources, "com/acme/Customer.java");
    source(generated, "com/acme/Generated.java");
    for (String name : List.of("Customer", "Generated", "Lead", "Old")) {
      String type = "com.acme." + name;
      ClassFolder.withFragment(classes, type, fragment(type, "com/acme/" + name + ".java", false));
    }
    // no source file (another compiler), and kapt's stubs: not judged
    ClassFolder.withFragment(classes, "com.acme.Bare", fragment("com.acme.Bare", null, false));
    ClassFolder.withFragment(classes, "com.acme.Kotlin", fragment("com.acme.Kotlin", "com/acme/Kotlin.java", true));

    MavenProject module = module(sources, generated);
    Map<Object, Object> context = new HashMap<>();
    RecordingLog log = new RecordingLog();
    NoFragmentsTest.inventory(module, classes, dir, context, log).execute();
    NoFragmentsTest.check(module, classes, context, log).execute();

    List<String> stale = log.at("WARN").stream().filter(l -> l.contains("source folders")).toList();
    assertEquals(List.of("PII Warden: " + classes + " holds the inventory fragments of 2 classes whose source files"
        + " are in none of this module's source folders (com.acme.Lead, com.acme.Old): renamed or deleted, and not"
        + " recompiled (maven.compiler.useIncrementalCompilation=false keeps the old fragment), so the inventory, the"
        + " records of processing and the check still include their data; run mvn clean, or build with the"
        + " compiler's default incremental mode, to drop them"), stale);
    String inventory = Files.readString(dir.resolve("out/inventory.json"));
    assertTrue(inventory.contains("com.acme.Lead#email") && inventory.contains("com.acme.Old#email"), inventory);
  }

  @Test
  void aClassNameShapedLikePersonalDataIsMasked() throws Exception {
    Path classes = dir.resolve("classes");
    Path sources = Files.createDirectories(dir.resolve("src/main/java"));
    ClassFolder.withFragment(classes, "com.acme.kim@example.com",
        fragment("com.acme.kim@example.com", "com/acme/kim@example.com.java", false));
    RecordingLog log = new RecordingLog();
    NoFragmentsTest.inventory(module(sources), classes, dir, new HashMap<>(), log).execute();

    List<String> stale = log.at("WARN").stream().filter(l -> l.contains("source folders")).toList();
    assertEquals(1, stale.size(), log.lines.toString());
    assertTrue(stale.get(0).contains("fragment of 1 class whose source file is in none of this module's source"
        + " folders ([REDACTED:email])"), stale.get(0));
    assertFalse(stale.get(0).contains("kim@"), stale.get(0));
  }

  @Test
  void everySourceThereIsNoWarning() throws Exception {
    Path classes = dir.resolve("classes");
    Path sources = dir.resolve("src/main/java");
    source(sources, "com/acme/Customer.java");
    ClassFolder.withFragment(classes, "com.acme.Customer",
        fragment("com.acme.Customer", "com/acme/Customer.java", false));
    RecordingLog log = new RecordingLog();
    NoFragmentsTest.inventory(module(sources), classes, dir, new HashMap<>(), log).execute();
    assertEquals(List.of(), log.at("WARN"));
  }

  private static void source(Path root, String file) throws Exception {
    Path source = root.resolve(file);
    Files.createDirectories(source.getParent());
    Files.writeString(source, "// " + file);
  }

  /** A fragment with one email field of {@code type}, declared in {@code file} (none when null). */
  private static String fragment(String type, String file, boolean withoutBodyAnalysis) {
    return """
        {
          "schema" : "piiwarden-inventory/1",
          "dataElements" : [ {
            "id" : "%1$s#email",
            "type" : "%1$s",
            "member" : "email",
            "kind" : "FIELD",
            "category" : "user.contact.email",
            "purposes" : [ "essential.service" ],
            "subject" : "customer",
            "basis" : "CONTRACT",
            "redaction" : "MASK",
            "special" : false,
            "sensitive" : false%2$s
          } ],
          "activities" : [ ],
          "flows" : [ ],
          "withoutBodyAnalysis" : [ %3$s ]
        }
        """.formatted(type, file == null ? "" : ",\n    \"source\" : { \"file\" : \"" + file + "\", \"line\" : 3 }",
        withoutBodyAnalysis ? "\"" + type + "\"" : "");
  }

  private static MavenProject module(Path... sourceRoots) {
    Model model = new Model();
    model.setGroupId("com.acme");
    model.setArtifactId("app");
    model.setVersion("1.0");
    model.setBuild(new Build());
    MavenProject module = new MavenProject(model);
    for (Path root : sourceRoots) {
      module.addCompileSourceRoot(root.toString());
    }
    return module;
  }
}

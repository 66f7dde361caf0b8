package dev.piiwarden.cli.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.cli.CliResult;
import dev.piiwarden.cli.CliRun;
import dev.piiwarden.cli.FragmentFixtures;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input the user can get wrong ends with exit 2 and one line that names it. */
class InventoryBadInputTest {
  @TempDir Path dir;

  @Test
  void corruptFragmentInAClassFolder() throws IOException {
    Path classes = dir.resolve("classes");
    Path fragment = FragmentFixtures.fragmentPath(classes, "com.acme.Broken");
    Files.createDirectories(fragment.getParent());
    Files.writeString(fragment, "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [ {,");

    String line = assertBadInput("inventory", classes.toString());

    assertTrue(line.contains(fragment.toString()), line);
    assertTrue(line.contains("not valid JSON"), line);
  }

  @Test
  void truncatedInventoryFile() throws IOException {
    String json = InventoryJson.write(FragmentFixtures.mergedOfAll());
    Path file = Files.writeString(dir.resolve("inventory.json"), json.substring(0, json.length() / 2));

    String line = assertBadInput("inventory", file.toString());

    assertTrue(line.contains(file.toString()), line);
  }

  @Test
  void inventoryOfAnotherSchemaVersion() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("future.json"), "{\"schema\": \"piiwarden-inventory/7\", \"dataElements\": []}");

    String line = assertBadInput("inventory", file.toString());

    assertTrue(line.contains(file.toString()), line);
    assertTrue(line.contains("which is \"piiwarden-inventory/1\""), line);
    assertFalse(line.contains("piiwarden-inventory/7"), "the value found is not quoted: " + line);
  }

  @Test
  void jsonThatIsNotAnInventory() throws IOException {
    Path file = Files.writeString(dir.resolve("package.json"), "{\"name\": \"web-app\"}");

    String line = assertBadInput("inventory", file.toString());

    assertTrue(line.contains(file.toString()), line);
    assertTrue(line.contains("not a PII Warden inventory"), line);
  }

  @Test
  void elementWithoutItsId() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("incomplete.json"),
            "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [{\"category\": \"user.name\"}]}");

    String line = assertBadInput("inventory", file.toString());

    assertTrue(line.contains(file.toString()), line);
  }

  @Test
  void missingPath() {
    Path missing = dir.resolve("target/clases");

    String line = assertBadInput("inventory", missing.toString());

    assertTrue(line.contains(missing.toString()), line);
  }

  @Test
  void fileThatIsNoInventoryInput() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "personal data lives in User");

    String line = assertBadInput("inventory", notes.toString());

    assertTrue(line.contains(notes.toString()), line);
  }

  @Test
  void corruptJar() throws IOException {
    Path jar = Files.writeString(dir.resolve("app.jar"), "this is not a zip archive");

    String line = assertBadInput("inventory", jar.toString());

    assertTrue(line.contains(jar.toString()), line);
  }

  @Test
  void corruptJarInsideAWar() throws IOException {
    Path war =
        FragmentFixtures.jar(
            dir.resolve("app.war"), Map.of("WEB-INF/lib/x.jar", "this is not a zip archive"));

    String line = assertBadInput("inventory", war.toString());

    assertEquals("piiwarden: " + war + "!/WEB-INF/lib/x.jar: not a readable jar (it ends before its central"
        + " directory: cut short, or not a jar); rebuild the archive that holds it", line);
  }

  @Test
  void corruptFragmentInsideAJar() throws IOException {
    Path jar =
        FragmentFixtures.jar(
            dir.resolve("app.jar"), Map.of("META-INF/piiwarden/types/com.acme.User.json", "[1, 2"));

    String line = assertBadInput("inventory", jar.toString());

    assertTrue(line.contains(jar + "!/META-INF/piiwarden/types/com.acme.User.json"), line);
  }

  @Test
  void badInputAfterGoodInputStillFailsWithoutPartialOutput() throws IOException {
    Path classes = FragmentFixtures.classFolder(dir);
    Path missing = dir.resolve("missing.jar");

    String line = assertBadInput("inventory", classes.toString(), missing.toString());

    assertTrue(line.contains(missing.toString()), line);
  }

  @Test
  void outIntoAFolderThatIsAFile() throws IOException {
    Path blocker = Files.writeString(dir.resolve("reports"), "a file where a folder should be");

    String line =
        assertBadInput(
            "inventory", "--out", blocker.resolve("inventory.json").toString(),
            FragmentFixtures.jar(dir).toString());

    assertTrue(line.startsWith("piiwarden: cannot write "), line);
    assertTrue(line.contains(blocker.toString()), line);
  }

  @Test
  void unknownOption() throws IOException {
    String line = assertBadInput("inventory", "--fromat", "table", FragmentFixtures.jar(dir).toString());

    assertTrue(line.contains("--fromat"), line);
    assertTrue(line.endsWith("run 'piiwarden inventory --help' for usage"), line);
  }

  @Test
  void unknownFormat() throws IOException {
    String line = assertBadInput("inventory", "--format", "xml", FragmentFixtures.jar(dir).toString());

    assertEquals(
        "piiwarden: Invalid value for option '--format': expected one of json, table but was 'xml';"
            + " run 'piiwarden inventory --help' for usage",
        line);
  }

  @Test
  void noPath() {
    String line = assertBadInput("inventory", "--format", "table");

    assertTrue(line.contains("'PATH'"), line);
  }

  private static String assertBadInput(String... args) {
    CliResult result = CliRun.run(args);

    assertEquals(2, result.exitCode(), result.describe());
    assertEquals("", result.out(), result.describe());
    List<String> lines = result.errLines();
    assertEquals(1, lines.size(), result.describe());
    String line = lines.get(0);
    assertTrue(line.startsWith("piiwarden: "), line);
    assertTrue(line.contains("; "), "says what to do after '; ': " + line);
    assertFalse(line.contains("Exception"), line);
    assertFalse(line.matches(".*\\bat [a-z]+\\.[\\w.$]+\\(.*"), line);
    return line;
  }
}

package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryInputsTest {
  @TempDir Path dir;

  private static Inventory only(DataElement element) {
    return new Inventory(List.of(element), List.of(), List.of());
  }

  private Path classFolder() throws IOException {
    Path classes = dir.resolve("classes");
    Path types = Files.createDirectories(classes.resolve("META-INF/piiwarden/types"));
    InventoryJson.write(only(InventoryFixtures.email()), types.resolve("com.acme.User.json"));
    Files.writeString(classes.resolve("META-INF/piiwarden/unrelated.json"), "not read");
    Files.writeString(types.resolve("README.txt"), "not read");
    return classes;
  }

  @Test
  void readsTheFragmentsOfAClassFolderOnly() throws IOException {
    List<InventoryFragment> fragments = InventoryInputs.read(classFolder());
    assertEquals(1, fragments.size());
    assertTrue(fragments.get(0).origin().endsWith("com.acme.User.json"));
    assertEquals(only(InventoryFixtures.email()), fragments.get(0).inventory());
  }

  @Test
  void readsTheFragmentsOfAJar() throws IOException {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("com/acme/User.class"));
      out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
      out.putNextEntry(new JarEntry("META-INF/piiwarden/types/com.acme.Newsletter.json"));
      out.write(InventoryJson.write(new Inventory(List.of(), List.of(InventoryFixtures.newsletter()), List.of()))
          .getBytes(StandardCharsets.UTF_8));
    }
    List<InventoryFragment> fragments = InventoryInputs.read(jar);
    assertEquals(1, fragments.size());
    assertEquals(jar + "!/META-INF/piiwarden/types/com.acme.Newsletter.json", fragments.get(0).origin());
    assertEquals(List.of(InventoryFixtures.newsletter()), fragments.get(0).inventory().activities());
  }

  @Test
  void readsAnInventoryFile() throws IOException {
    Path file = dir.resolve("inventory.json");
    InventoryJson.write(InventoryFixtures.specExample(), file);
    assertEquals(InventoryFixtures.specExample(), InventoryInputs.read(file).get(0).inventory());
  }

  @Test
  void aCorruptFragmentInAFolderNamesTheFile() throws IOException {
    Path classes = classFolder();
    Path bad = classes.resolve("META-INF/piiwarden/types/com.acme.Broken.json");
    Files.writeString(bad, "{\"schema\":\"piiwarden-inventory/1\",\"dataEl");
    InventoryException e = assertThrows(InventoryException.class, () -> InventoryInputs.read(classes));
    assertTrue(e.getMessage().startsWith(bad + ": not valid JSON"), e.getMessage());
  }

  @Test
  void aCorruptJarSaysToRebuildIt() throws IOException {
    Path jar = Files.writeString(dir.resolve("broken.jar"), "this is not a zip");
    InventoryException e = assertThrows(InventoryException.class, () -> InventoryInputs.read(jar));
    assertTrue(e.getMessage().startsWith(jar + ": not a readable archive"), e.getMessage());
  }

  @Test
  void aMissingPathOrAnotherKindOfFileIsRefused() throws IOException {
    Path missing = dir.resolve("nope");
    assertEquals(missing + ": no such file or folder; check the path",
        assertThrows(InventoryException.class, () -> InventoryInputs.read(missing)).getMessage());
    Path text = Files.writeString(dir.resolve("notes.txt"), "x");
    assertTrue(assertThrows(InventoryException.class, () -> InventoryInputs.read(text)).getMessage()
        .contains("not a class folder, a .jar/.war/.zip or a .json inventory"));
  }

  @Test
  void readAllKeepsTheOrderOfPaths() throws IOException {
    Path file = dir.resolve("inventory.json");
    InventoryJson.write(InventoryFixtures.specExample(), file);
    List<InventoryFragment> fragments = InventoryInputs.readAll(List.of(file, classFolder()));
    assertEquals(2, fragments.size());
    assertEquals(file.toString(), fragments.get(0).origin());
  }

}

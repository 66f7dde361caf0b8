package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
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

  private static byte[] fragmentOf(Inventory inventory) {
    return InventoryJson.write(inventory).getBytes(StandardCharsets.UTF_8);
  }

  /** A jar's bytes with these entries, in order; {@code comment} may be null. */
  private static byte[] jarBytes(Map<String, byte[]> entries, String comment) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
      }
      out.setComment(comment);
    }
    return bytes.toByteArray();
  }

  /** The domain module's jar: the User fragment and a class file. */
  private static byte[] domainJar() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("com/acme/User.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
    entries.put("META-INF/piiwarden/types/com.acme.User.json", fragmentOf(only(InventoryFixtures.email())));
    return jarBytes(entries, null);
  }

  /**
   * Writes an archive with these entries, in order; nested jars STORED as Spring Boot stores them
   * when {@code storedJars}, else deflated as a war plugin writes them.
   */
  private Path archive(String name, Map<String, byte[]> entries, boolean storedJars) throws IOException {
    Path file = dir.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        JarEntry jarEntry = new JarEntry(entry.getKey());
        if (storedJars && entry.getKey().endsWith(".jar")) {
          CRC32 crc = new CRC32();
          crc.update(entry.getValue());
          jarEntry.setMethod(ZipEntry.STORED);
          jarEntry.setSize(entry.getValue().length);
          jarEntry.setCrc(crc.getValue());
        }
        out.putNextEntry(jarEntry);
        out.write(entry.getValue());
      }
    }
    return file;
  }

  private Path war(String libraryName, byte[] library) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("WEB-INF/classes/META-INF/piiwarden/types/com.acme.Newsletter.json",
        fragmentOf(new Inventory(List.of(), List.of(InventoryFixtures.newsletter()), List.of())));
    entries.put("WEB-INF/lib/" + libraryName, library);
    entries.put("WEB-INF/lib/commons.jar", jarBytes(Map.of("org/commons/Text.class", new byte[] {1}), null));
    return archive("app.war", entries, false);
  }

  @Test
  void readsTheJarsAWarBundles() throws IOException {
    Path war = war("domain.jar", domainJar());
    List<InventoryFragment> fragments = InventoryInputs.read(war);
    assertEquals(List.of(
            war + "!/WEB-INF/classes/META-INF/piiwarden/types/com.acme.Newsletter.json",
            war + "!/WEB-INF/lib/domain.jar!/META-INF/piiwarden/types/com.acme.User.json"),
        fragments.stream().map(InventoryFragment::origin).toList());
    assertEquals(only(InventoryFixtures.email()), fragments.get(1).inventory());
  }

  @Test
  void readsTheJarsASpringBootJarBundlesStored() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("org/springframework/boot/loader/Launcher.class", new byte[] {3});
    entries.put("BOOT-INF/classes/META-INF/piiwarden/types/com.acme.Newsletter.json",
        fragmentOf(new Inventory(List.of(), List.of(InventoryFixtures.newsletter()), List.of())));
    entries.put("BOOT-INF/lib/domain-1.0.jar", domainJar());
    entries.put("BOOT-INF/lib/empty.jar", jarBytes(Map.of(), "a jar with a comment and no entries"));
    Path boot = archive("app.jar", entries, true);
    Inventory merged = InventoryMerger.merge(InventoryInputs.read(boot)).inventory();
    assertEquals(List.of(InventoryFixtures.email()), merged.dataElements());
    assertEquals(List.of(InventoryFixtures.newsletter()), merged.activities());
  }

  @Test
  void readsTheJarsOfAnExplodedWar() throws IOException {
    Path exploded = dir.resolve("app");
    Files.createDirectories(exploded.resolve("WEB-INF/lib"));
    Files.write(exploded.resolve("WEB-INF/lib/domain.jar"), domainJar());
    List<InventoryFragment> fragments = InventoryInputs.read(exploded);
    assertEquals(List.of(exploded.resolve("WEB-INF/lib/domain.jar") + "!/META-INF/piiwarden/types/com.acme.User.json"),
        fragments.stream().map(InventoryFragment::origin).toList());
  }

  @Test
  void aBundledJarThatIsNoZipIsOneMessageNamingIt() throws IOException {
    Path war = war("x.jar", "these bytes are no jar".getBytes(StandardCharsets.UTF_8));
    InventoryException e = assertThrows(InventoryException.class, () -> InventoryInputs.read(war));
    assertEquals(war + "!/WEB-INF/lib/x.jar: not a readable jar (it ends before its central directory: cut short,"
        + " or not a jar); rebuild the archive that holds it", e.getMessage());
  }

  @Test
  void aBundledJarCutShortIsOneMessageNamingIt() throws IOException {
    byte[] jar = domainJar();
    // cut after the first entry (a whole local entry, no central directory) and within the second
    int secondEntry = indexOf(jar, new byte[] {0x50, 0x4b, 0x03, 0x04}, 4);
    for (int cut : new int[] {secondEntry, secondEntry + 40, jar.length - 10}) {
      Path war = war("x.jar", Arrays.copyOf(jar, cut));
      InventoryException e = assertThrows(InventoryException.class, () -> InventoryInputs.read(war), "cut at " + cut);
      assertTrue(e.getMessage().startsWith(war + "!/WEB-INF/lib/x.jar: not a readable jar ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("); rebuild the archive that holds it"), e.getMessage());
      assertTrue(e.getMessage().contains("cut short"), e.getMessage());
      assertEquals(1, e.getMessage().lines().count());
    }
  }

  @Test
  void aBundledJarDamagedInsideButCompleteIsNotCalledCutShort() throws IOException {
    byte[] jar = domainJar();
    // the second entry's header claims a name far longer than the jar: reading it runs off the end
    int secondEntry = indexOf(jar, new byte[] {0x50, 0x4b, 0x03, 0x04}, 4);
    jar[secondEntry + 26] = (byte) 0xFF;
    jar[secondEntry + 27] = (byte) 0xFF;
    Path war = war("x.jar", jar);
    InventoryException e = assertThrows(InventoryException.class, () -> InventoryInputs.read(war));
    assertEquals(war + "!/WEB-INF/lib/x.jar: not a readable jar (an entry is damaged: its header does not"
        + " match its data, though the jar is complete); rebuild the archive that holds it", e.getMessage());
  }

  @Test
  void aCorruptFragmentInABundledJarNamesBothJars() throws IOException {
    byte[] jar = jarBytes(Map.of("META-INF/piiwarden/types/com.acme.Broken.json",
        "{\"schema\":\"piiwarden-inventory/1\",\"dataEl".getBytes(StandardCharsets.UTF_8)), null);
    Path war = war("model.jar", jar);
    InventoryException e = assertThrows(InventoryException.class, () -> InventoryInputs.read(war));
    assertTrue(e.getMessage().startsWith(
        war + "!/WEB-INF/lib/model.jar!/META-INF/piiwarden/types/com.acme.Broken.json: not valid JSON"), e.getMessage());
  }

  @Test
  void aBundledJarWithAnEntryNameThatIsNotUtf8IsOneMessageNamingIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes, StandardCharsets.ISO_8859_1)) {
      out.putNextEntry(new ZipEntry("com/acme/Caf\u00e9.class"));
      out.write(1);
    }
    Path war = war("latin.jar", bytes.toByteArray());
    InventoryException e = assertThrows(InventoryException.class, () -> InventoryInputs.read(war));
    assertEquals(war + "!/WEB-INF/lib/latin.jar: not a readable jar (an entry's name is not UTF-8); rebuild the"
        + " archive that holds it", e.getMessage());
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    for (int i = from; i <= data.length - pattern.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(data, i, i + pattern.length), pattern)) {
        return i;
      }
    }
    throw new AssertionError("pattern not found");
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

package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BridgeJarFileTest {
  private static final String[] CLASSES = {
    "dev/piiwarden/agent/bootstrap/ConsentBridge.class",
    "dev/piiwarden/agent/redaction/bridge/RedactionCallDepth.class"
  };

  @TempDir Path temporary;
  private String savedTmpdir;
  private Path folder;

  @BeforeEach
  void pointTmpdirHere() {
    savedTmpdir = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", temporary.toString());
    folder = temporary.resolve("piiwarden-" + System.getProperty("user.name"));
  }

  @AfterEach
  void restoreTmpdir() {
    System.setProperty("java.io.tmpdir", savedTmpdir);
  }

  private static Path provide() throws Exception {
    return BridgeJarFile.provide(CLASSES, BridgeJarFile.classFiles(CLASSES));
  }

  @Test
  void theFirstStartWritesTheSharedCopyAndLaterStartsReuseIt() throws Exception {
    Path first = provide();
    Path second = provide();

    assertEquals(folder, first.getParent());
    assertEquals(first, second);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first)));
    try (JarFile jar = new JarFile(first.toFile())) {
      assertNotNull(jar.getEntry(CLASSES[0]));
      assertNotNull(jar.getEntry(CLASSES[1]));
    }
    try (var left = Files.list(folder)) {
      assertEquals(1, left.count(), "no temporary file is left beside the shared copy");
    }
  }

  @Test
  void aChangedSharedCopyIsNotUsedNorReplaced() throws Exception {
    Path shared = provide();
    byte[] tampered = Files.readAllBytes(shared);
    tampered[tampered.length / 2] ^= 1;
    Files.write(shared, tampered);

    Path used = provide();

    assertNotEquals(shared, used);
    assertEquals(temporary, used.getParent());
    assertArrayEquals(tampered, Files.readAllBytes(shared));
  }

  @Test
  void aFolderOthersMayEnterIsNotUsed() throws Exception {
    Files.createDirectory(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

    Path used = provide();

    assertEquals(temporary, used.getParent());
    try (var inFolder = Files.list(folder)) {
      assertEquals(0, inFolder.count());
    }
  }

  @Test
  void aLinkInPlaceOfTheFolderIsNotFollowed() throws Exception {
    Path elsewhere = Files.createDirectory(temporary.resolve("elsewhere"));
    Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
    Files.createSymbolicLink(folder, elsewhere);

    Path used = provide();

    assertEquals(temporary, used.getParent());
    try (var inElsewhere = Files.list(elsewhere)) {
      assertEquals(0, inElsewhere.count());
    }
  }
}

package dev.piiwarden.core.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFoldersTest {
  @TempDir Path folder;

  @Test
  void everyMissingFolderIsMadeOwnerOnlyWhateverTheUmask() throws IOException {
    // the build's umask (022 or 002) would give rwxr-xr-x or rwxrwxr-x to Files.createDirectories
    OwnerOnlyFolders.createMissing(folder.resolve("a/b/c"));

    for (String made : new String[] {"a", "a/b", "a/b/c"}) {
      assertEquals("rwx------", mode(folder.resolve(made)), made);
    }
  }

  @Test
  void aFolderThatExistsKeepsItsMode() throws IOException {
    Path existing = Files.createDirectory(folder.resolve("shared"));
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxrwxr-x"));

    OwnerOnlyFolders.createMissing(existing);
    OwnerOnlyFolders.createMissing(existing.resolve("mine"));

    assertEquals("rwxrwxr-x", mode(existing));
    assertEquals("rwx------", mode(existing.resolve("mine")));
  }

  @Test
  void aFileInTheWayIsNoFolder() throws IOException {
    Path file = Files.writeString(folder.resolve("file"), "x");

    assertThrows(FileAlreadyExistsException.class, () -> OwnerOnlyFolders.createMissing(file));
    assertThrows(FileSystemException.class, () -> OwnerOnlyFolders.createMissing(file.resolve("below")));
  }

  @Test
  void aRelativePathIsTakenFromTheWorkingFolder() throws IOException {
    Path relative = Path.of("target", "owner-only-" + System.nanoTime(), "x");
    try {
      OwnerOnlyFolders.createMissing(relative);
      assertEquals("rwx------", mode(relative.getParent()));
      assertEquals("rwx------", mode(relative));
    } finally {
      Files.deleteIfExists(relative);
      Files.deleteIfExists(relative.getParent());
    }
  }

  private static String mode(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}

package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonlSink#checkWritable}: what the first batch needs, checked before any event. Paths
 * under a regular file stand for folders that cannot be made, as permissions do not stop root.
 */
class JsonlSinkTest {
  @TempDir Path folder;

  @Test
  void aWritableTrailGetsItsFolderAndLockFileAndNoTrailFileYet() throws Exception {
    Path trail = folder.resolve("audit/trail.jsonl");

    JsonlSink.checkWritable(trail);

    assertTrue(Files.isDirectory(folder.resolve("audit")));
    Path lock = TrailFiles.lockFile(trail);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
    assertFalse(Files.exists(trail), "nothing is written before the first event");
  }

  @Test
  void aFolderThatCannotBeMadeFailsAsTheFirstBatchWould() throws Exception {
    Path file = Files.writeString(folder.resolve("audit"), "not a folder");

    assertThrows(FileSystemException.class, () -> JsonlSink.checkWritable(file.resolve("trail.jsonl")));
  }

  @Test
  void aLockFileThatCannotBeCreatedFails() throws Exception {
    Path trail = folder.resolve("trail.jsonl");
    Files.createDirectory(TrailFiles.lockFile(trail));

    assertThrows(FileSystemException.class, () -> JsonlSink.checkWritable(trail));
  }

  @Test
  void anExistingTrailIsOpenedForWritingAndLeftAsItIs() throws Exception {
    Path trail = Files.writeString(folder.resolve("trail.jsonl"), "{\"seq\":1}\n");

    JsonlSink.checkWritable(trail);

    assertEquals("{\"seq\":1}\n", Files.readString(trail));
  }
}

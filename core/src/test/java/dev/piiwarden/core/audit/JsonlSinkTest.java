package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonlSink#checkWritable}: what the first batch needs, checked before any event. Paths
 * under a regular file stand for folders that cannot be made, as permissions do not stop root.
 */
class JsonlSinkTest {
  @TempDir Path folder;

  @Test
  void aWritableTrailGetsItsFolderLockFileAndEmptyTrailFileOwnerOnly() throws Exception {
    Path trail = folder.resolve("audit/trail.jsonl");

    JsonlSink.checkWritable(trail);

    assertTrue(Files.isDirectory(folder.resolve("audit")));
    Path lock = TrailFiles.lockFile(trail);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(lock)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(trail)));
    assertEquals(0, Files.size(trail), "nothing is written before the first event");
  }

  /** A trail moved aside leaves its lock file behind: that the lock opens says nothing of the trail. */
  @Test
  void aLeftoverLockFileDoesNotPassATrailThatCannotBeCreated() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("unmounted"), "not a folder");
    Path trail = Files.createSymbolicLink(folder.resolve("trail.jsonl"), notAFolder.resolve("t.jsonl"));
    Files.writeString(TrailFiles.lockFile(trail), "");

    assertThrows(FileSystemException.class, () -> JsonlSink.checkWritable(trail));
  }

  @Test
  void aLinkToAPlaceThatDoesNotExistFails() throws Exception {
    Path trail = Files.createSymbolicLink(folder.resolve("trail.jsonl"),
        folder.resolve("not-mounted/volume/trail.jsonl"));

    assertThrows(NoSuchFileException.class, () -> JsonlSink.checkWritable(trail));
    assertFalse(Files.exists(folder.resolve("not-mounted")), "nothing made at the link's target");
  }

  @Test
  void aNamedPipeAtTheTrailPathFailsAtOnceWithoutBeingOpened() throws Exception {
    Path trail = folder.resolve("trail.jsonl");
    assumeTrue(mkfifo(trail), "mkfifo is not available here");

    FileSystemException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(FileSystemException.class, () -> JsonlSink.checkWritable(trail)));

    assertEquals(trail + ": exists and is not a regular file but a named pipe, device or socket",
        e.getMessage());
  }

  private static boolean mkfifo(Path path) {
    try {
      Process process = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
      return process.waitFor() == 0 && Files.exists(path);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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

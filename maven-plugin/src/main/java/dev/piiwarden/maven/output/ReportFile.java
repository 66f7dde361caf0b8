package dev.piiwarden.maven.output;

import dev.piiwarden.maven.ContentFreeCause;
import dev.piiwarden.maven.PluginMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.maven.plugin.MojoExecutionException;

/** A report written as UTF-8, missing folders created: the bytes the CLI writes with {@code --out}. */
public final class ReportFile {
  private ReportFile() {}

  /**
   * Writes {@code text} to {@code file}.
   *
   * @throws MojoExecutionException naming the file when it cannot be written
   */
  public static void write(Path file, String text) throws MojoExecutionException {
    if (Files.isDirectory(file)) {
      throw new MojoExecutionException(PluginMessage.OUTPUT_IS_FOLDER.format(file));
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw ContentFreeCause.error(PluginMessage.CANNOT_WRITE.format(file, reason(e)), e);
    }
  }

  /** What went wrong with a file, in a few words. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof FileAlreadyExistsException inTheWay) {
      return inTheWay.getFile() + " is a file, not a folder";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      return fileSystem.getReason();
    }
    return Objects.requireNonNullElse(e.getMessage(), "an I/O error");
  }
}

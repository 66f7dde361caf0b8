package dev.piiwarden.core.text;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The form of a file path given in an option ({@code jsonl:}, {@code file:}, a key file, a
 * taxonomy), checked before anything is written to it. A leading {@code ~} is refused: only a
 * shell expands it, and not inside an option ({@code audit.sink=jsonl:~/trail.jsonl}) or an
 * environment variable a container sets, so the file would go to a folder named {@code ~} in the
 * working directory, where nobody looks for it.
 */
public final class PathForm {
  private PathForm() {}

  /** What is wrong with {@code path}, if anything, as a message names it. */
  public static Optional<String> problem(String path) {
    if (path.startsWith("~")) {
      String home = System.getProperty("user.home", "");
      String full = path.startsWith("~/") && !home.isEmpty()
          ? ", " + ShownPath.of(Path.of(home, path.substring(2)).toString())
          : "";
      return Optional.of(ShownPath.quoted(path) + " starts with '~', which is not expanded here (a shell expands it"
          + " only at the start of a word): give the full path" + full);
    }
    try {
      Path.of(path);
      return Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.of(ShownPath.quoted(path) + " is not a valid path");
    }
  }
}

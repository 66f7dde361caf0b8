package dev.piiwarden.core.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one rotated trail. The active file keeps its name ({@code piiwarden-audit.jsonl});
 * when it is full it is renamed to the next free number ({@code piiwarden-audit.1.jsonl}, then
 * {@code .2.}, …) and a new active file is started. Old files are never renamed again, so the
 * order is: the numbered files by number, oldest first, then the active file.
 */
public final class TrailFiles {
  private static final String EXTENSION = ".jsonl";
  private static final String LOCK_SUFFIX = ".lock";

  private TrailFiles() {}

  /**
   * The lock file that writers of the trail whose active file is {@code active} take for each
   * batch: {@code piiwarden-audit.jsonl.lock}.
   */
  public static Path lockFile(Path active) {
    return active.resolveSibling(active.getFileName() + LOCK_SUFFIX);
  }

  /** Whether {@code file} is a trail's lock file ({@link #lockFile}), not one of its files. */
  public static boolean isLockFile(Path file) {
    return file.getFileName().toString().endsWith(EXTENSION + LOCK_SUFFIX);
  }

  /** The name of rotated file {@code index} of the trail whose active file is {@code active}. */
  public static Path rotated(Path active, long index) {
    return active.resolveSibling(base(active) + "." + index + EXTENSION);
  }

  /** The existing files of the trail, oldest first, the active file last (if it exists). */
  public static List<Path> inOrder(Path active) throws IOException {
    List<Path> files = new ArrayList<>(rotatedFiles(active));
    if (Files.exists(active)) {
      files.add(active);
    }
    return files;
  }

  /**
   * Whether any line of the files is laid out as an audit record, genuine or not. Files that hold
   * none (empty, another program's, binary) are not a trail at all: bad input, where a trail with
   * some damaged lines is a broken chain.
   *
   * @throws AuditException when a file cannot be read
   */
  public static boolean holdRecords(List<Path> files) {
    try (TrailLines lines = new TrailLines(files)) {
      for (TrailLines.Line line = lines.next(); line != null; line = lines.next()) {
        if (RecordLine.parse(line.bytes()) != null) {
          return true;
        }
      }
    }
    return false;
  }

  /** The highest rotation number in use, 0 when none. */
  static long lastIndex(Path active) throws IOException {
    List<Path> rotated = rotatedFiles(active);
    return rotated.isEmpty() ? 0 : index(active, rotated.get(rotated.size() - 1));
  }

  /**
   * The given files in rotation order when they are the files of one trail (a shell glob sorts
   * {@code .10.} before {@code .2.} and the active file anywhere); other lists as given.
   */
  public static List<Path> sortedForReading(List<Path> files) {
    if (files.size() < 2) {
      return files;
    }
    Path active = activeOf(files.get(0));
    for (Path file : files) {
      if (!activeOf(file).equals(active)) {
        return files;
      }
    }
    List<Path> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong(file -> orderKey(active, file)));
    return sorted;
  }

  private static long orderKey(Path active, Path file) {
    long index = index(active, file);
    return index < 0 ? Long.MAX_VALUE : index;
  }

  private static List<Path> rotatedFiles(Path active) throws IOException {
    Path folder = active.toAbsolutePath().getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(child -> index(active, child) >= 0)
          .map(child -> active.resolveSibling(child.getFileName()))
          .sorted(Comparator.comparingLong(child -> index(active, child)))
          .toList();
    }
  }

  /** The rotation number of {@code file} in the trail of {@code active}, or -1. */
  private static long index(Path active, Path file) {
    Matcher m = numbered(active).matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /** The active file of the trail {@code file} belongs to (itself when it is not numbered). */
  private static Path activeOf(Path file) {
    String name = file.getFileName().toString();
    Matcher m = Pattern.compile("(.*)\\.([0-9]{1,18})" + Pattern.quote(EXTENSION)).matcher(name);
    Path active = m.matches() ? file.resolveSibling(m.group(1) + EXTENSION) : file;
    return active.toAbsolutePath().normalize();
  }

  private static Pattern numbered(Path active) {
    return Pattern.compile(Pattern.quote(base(active)) + "\\.([0-9]{1,18})" + Pattern.quote(EXTENSION));
  }

  private static String base(Path active) {
    String name = active.getFileName().toString();
    return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
  }
}

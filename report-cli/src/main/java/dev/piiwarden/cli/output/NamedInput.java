package dev.piiwarden.cli.output;

import java.nio.file.Path;
import java.util.List;

/**
 * An input file of a command and how the command line names it ({@code --policy}, {@code input},
 * {@code BASE}), for the check that {@code --out} does not overwrite it ({@link
 * ReportOutput#checkNotAnInput}).
 *
 * @param name the option or argument, as a message names it
 * @param path the file as given; null when the option was not given
 */
public record NamedInput(String name, Path path) {
  /** The same name for each of {@code paths}. */
  public static List<NamedInput> each(String name, List<Path> paths) {
    return paths.stream().map(path -> new NamedInput(name, path)).toList();
  }
}

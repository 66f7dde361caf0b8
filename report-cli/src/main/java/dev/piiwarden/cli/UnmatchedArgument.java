package dev.piiwarden.cli;

import dev.piiwarden.core.text.EditDistance;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What to say about an argument picocli could not place, without quoting the command line: picocli's
 * own text lists every argument from the first unknown one on, a subject id among them. Only the first
 * unknown token is named, and only when it is a command's near miss or looks like an option name.
 */
final class UnmatchedArgument {
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]*");
  private static final Pattern INDEX = Pattern.compile("index (\\d+)");

  private final String problem;
  private final String suggestion;

  private UnmatchedArgument(String problem, String suggestion) {
    this.problem = problem;
    this.suggestion = suggestion;
  }

  /** The problem and the suggestion (null for none) for an unmatched argument of {@code command}. */
  static UnmatchedArgument of(UnmatchedArgumentException ex) {
    CommandLine command = ex.getCommandLine();
    List<String> unmatched = ex.getUnmatched();
    String first = unmatched.isEmpty() ? "" : unmatched.get(0);
    if (first.startsWith("-")) {
      return option(first, command);
    }
    if (!command.getSubcommands().isEmpty()) {
      return command(first, command);
    }
    Matcher index = INDEX.matcher(String.valueOf(ex.getMessage()));
    String which = index.find() ? "argument " + (Integer.parseInt(index.group(1)) + 1) : "an argument";
    return new UnmatchedArgument(which + " is no command, option or parameter of '"
        + command.getCommandSpec().qualifiedName() + "'", null);
  }

  /** {@code argument}, an option {@code command} does not have: its name and a near one. */
  private static UnmatchedArgument option(String argument, CommandLine command) {
    String name = argument.split("=", 2)[0];
    boolean named = OPTION_NAME.matcher(name).matches() && (name.startsWith("--") || name.length() == 2);
    List<String> options = command.getCommandSpec().options().stream()
        .flatMap(o -> Arrays.stream(o.names())).filter(n -> n.startsWith("--")).toList();
    String near = named && name.startsWith("--") ? EditDistance.closest(name, options) : null;
    return new UnmatchedArgument(named ? "unknown option '" + name + "'" : "unknown option",
        near == null ? null : "'" + near + "'");
  }

  /**
   * The first of {@code args} that names a {@code --} option neither {@code command} nor a command
   * above it has, as the argument picocli left unmatched when it reports a required option missing
   * first ({@code --subjct u} for {@code --subject}): null when there is none.
   */
  static UnmatchedArgument misspeltOption(String[] args, CommandLine command) {
    for (String arg : args) {
      String name = arg.split("=", 2)[0];
      if (name.startsWith("--") && name.length() > 2 && !known(name, command)) {
        return option(arg, command);
      }
    }
    return null;
  }

  private static boolean known(String name, CommandLine command) {
    for (CommandLine level = command; level != null; level = level.getParent()) {
      if (level.getCommandSpec().findOption(name) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code first}, no command of {@code command}'s ({@code piiwarden flows}, {@code piiwarden help
   * flows}): a near name (any case), or a word for what a command does (flows: diagram), else the
   * commands there are.
   */
  static UnmatchedArgument command(String first, CommandLine command) {
    String meant = first.isEmpty() ? null : CommandSuggestion.of(first, command.getSubcommands().keySet());
    if (meant != null) {
      return new UnmatchedArgument("unknown command '" + first.strip() + "'", "'" + meant + "'");
    }
    return new UnmatchedArgument("unknown command; '" + command.getCommandSpec().qualifiedName() + "' has "
        + String.join(", ", command.getSubcommands().keySet()), null);
  }

  /** What is wrong, e.g. {@code unknown command 'flows'}. */
  String problem() {
    return problem;
  }

  /** The quoted command or option meant, e.g. {@code 'diagram'}; null when none is near. */
  String suggestion() {
    return suggestion;
  }
}

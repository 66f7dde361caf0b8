package dev.piiwarden.cli;

import dev.piiwarden.core.text.EditDistance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The command an unknown one probably meant: a command whose name it nearly is, or the command for a
 * word that names what it does ({@code flows} is the {@code diagram}), from {@code command-words.properties}.
 */
final class CommandSuggestion {
  private static final Properties WORDS = load();

  private CommandSuggestion() {}

  /** The command meant by {@code typed}, or null when none is close. */
  static String of(String typed, Set<String> commands) {
    String word = typed.strip().toLowerCase(Locale.ROOT);
    if (commands.contains(word)) {
      return word;
    }
    String meant = WORDS.getProperty(word);
    if (meant != null && commands.contains(meant)) {
      return meant;
    }
    return EditDistance.closest(word, commands);
  }

  private static Properties load() {
    Properties words = new Properties();
    try (InputStream in = CommandSuggestion.class.getResourceAsStream("command-words.properties")) {
      words.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}

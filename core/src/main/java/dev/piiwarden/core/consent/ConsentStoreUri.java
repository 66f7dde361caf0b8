package dev.piiwarden.core.consent;

import dev.piiwarden.core.text.PathForm;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.core.text.UrlCredentials;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens the store a URI names: {@code memory:}, {@code file:<path>} (a relative path is resolved
 * against the working folder) or {@code jdbc:<url>}.
 */
public final class ConsentStoreUri {
  /** The schemes, for messages. */
  public static final String ALLOWED = "memory:, file:<path>, jdbc:<url>";

  private ConsentStoreUri() {}

  /**
   * What is wrong with {@code uri}, if anything. Only the form is checked: a database that is down
   * is not a wrong URI.
   */
  public static Optional<String> problem(String uri) {
    if (uri == null || uri.isBlank()) {
      return Optional.of("is empty");
    }
    if (uri.equals("memory:")) {
      return Optional.empty();
    }
    if (uri.startsWith("file:")) {
      String path = uri.substring("file:".length());
      if (path.isBlank()) {
        return Optional.of("file: needs a path, e.g. file:consent.jsonl");
      }
      return PathForm.problem(path);
    }
    if (uri.startsWith("jdbc:sqlite:~")) {
      return PathForm.problem(uri.substring("jdbc:sqlite:".length())); // the driver does not expand it either
    }
    if (uri.startsWith("jdbc:") && uri.length() > "jdbc:".length() + 1 && uri.indexOf(':', 5) > 5) {
      return Optional.empty();
    }
    return Optional.of("unknown store " + QuotedValue.quoted(UrlCredentials.withoutCredentials(uri)));
  }

  /**
   * Opens the store; nothing is read or connected yet.
   *
   * @param warnings where a file store reports lines it skips
   * @throws IllegalArgumentException when {@link #problem} finds something wrong
   */
  public static ConsentStore open(String uri, Consumer<String> warnings) {
    return open(uri, warnings, null);
  }

  /**
   * Opens the store, a {@code jdbc:} one with {@code driver} tried first.
   *
   * @param driver a JDBC driver not registered with {@code DriverManager}, or null
   * @throws IllegalArgumentException when {@link #problem} finds something wrong
   */
  public static ConsentStore open(String uri, Consumer<String> warnings, Driver driver) {
    return open(uri, warnings, driver, false);
  }

  /**
   * Opens the store only to read it: nothing is created, and reading a file, SQLite database or
   * table that does not exist fails with {@link ConsentStoreMissingException}.
   *
   * @throws IllegalArgumentException when {@link #problem} finds something wrong
   */
  public static ConsentStore openForReading(String uri, Consumer<String> warnings, Driver driver) {
    return open(uri, warnings, driver, true);
  }

  private static ConsentStore open(String uri, Consumer<String> warnings, Driver driver, boolean readOnly) {
    problem(uri)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(
                  "piiwarden.consent.store: " + problem + "; allowed: " + ALLOWED);
            });
    if (uri.equals("memory:")) {
      return new MemoryConsentStore();
    }
    if (uri.startsWith("file:")) {
      return new FileConsentStore(Path.of(uri.substring("file:".length())), warnings, readOnly);
    }
    return new JdbcConsentStore(uri, driver, readOnly);
  }
}

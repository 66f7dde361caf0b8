package dev.piiwarden.samples.accounts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The service's command line, each option also an environment variable ({@code --db} is {@code
 * ACCOUNTS_DB}); the command line wins.
 *
 * @param port the HTTP port, 0 for any free one
 * @param portFile where to write the port once listening, or null
 * @param dbUrl the JDBC URL; H2 in {@code data/accounts} under the working folder by default
 * @param dbUser the database user, or null
 * @param dbPassword the database password, or null
 * @param retention how long an account may be inactive before the retention job erases it
 * @param retentionInterval how often the retention job runs
 * @param pbkdf2Iterations the password hashing work factor
 */
public record ServiceOptions(
    int port,
    Path portFile,
    String dbUrl,
    String dbUser,
    String dbPassword,
    Period retention,
    Duration retentionInterval,
    int pbkdf2Iterations) {

  static final String USAGE =
      "usage: user-accounts [--port N] [--port-file F] [--db JDBC_URL] [--db-user U] [--db-password P]"
          + " [--retention P2Y] [--retention-interval PT1H] [--pbkdf2-iterations N]";

  /** Parses the arguments; a wrong one is an {@link IllegalArgumentException} naming it. */
  static ServiceOptions parse(String[] args, Map<String, String> environment) {
    String port = environment.getOrDefault("ACCOUNTS_PORT", "8080");
    String portFile = environment.get("ACCOUNTS_PORT_FILE");
    String db = environment.get("ACCOUNTS_DB");
    String dbUser = environment.get("ACCOUNTS_DB_USER");
    String dbPassword = environment.get("ACCOUNTS_DB_PASSWORD");
    String retention = environment.getOrDefault("ACCOUNTS_RETENTION", "P2Y");
    String interval = environment.getOrDefault("ACCOUNTS_RETENTION_INTERVAL", "PT1H");
    String iterations = environment.getOrDefault("ACCOUNTS_PBKDF2_ITERATIONS", "600000");
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[++i];
      switch (name) {
        case "--port" -> port = value;
        case "--port-file" -> portFile = value;
        case "--db" -> db = value;
        case "--db-user" -> dbUser = value;
        case "--db-password" -> dbPassword = value;
        case "--retention" -> retention = value;
        case "--retention-interval" -> interval = value;
        case "--pbkdf2-iterations" -> iterations = value;
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (db == null || db.isBlank()) {
      db = "jdbc:h2:file:" + Path.of("data", "accounts").toAbsolutePath();
    }
    return new ServiceOptions(
        integer("--port", port, 0, 65535),
        portFile == null ? null : Path.of(portFile),
        db,
        dbUser,
        dbPassword,
        period(retention),
        duration(interval),
        integer("--pbkdf2-iterations", iterations, 1_000, 10_000_000));
  }

  private static int integer(String name, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + ": '" + value + "' is not a number from " + min + " to " + max);
  }

  private static Period period(String value) {
    try {
      return Period.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--retention: '" + value + "' is not an ISO-8601 period such as P2Y");
    }
  }

  private static Duration duration(String value) {
    try {
      Duration duration = Duration.parse(value);
      if (!duration.isNegative() && !duration.isZero()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--retention-interval: '" + value + "' is not a positive ISO-8601 duration such as PT1H");
  }
}

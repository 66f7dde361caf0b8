package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.jdbc.JdbcConnections;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.core.text.UrlCredentials;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code jdbc:<url>} store: table {@code piiwarden_consent}, created if absent (unless the
 * store is opened only for reading), one row per record, ledger order by its generated {@code id}. Times are ISO-8601 text so that every database
 * stores them the same way.
 *
 * <p>The connection is opened on first use, not at construction, and opened again after a
 * failure: a database that is down makes reads and writes fail with a {@link
 * ConsentStoreException} naming the store, and recovers when the database is back. The driver is
 * the one the store was given, when it accepts the URL (the agent's own copy, kept out of {@link
 * DriverManager} so that the application never gets it); otherwise it is found through {@link
 * DriverManager}, then through the thread's context class loader. A SQLite database file that does
 * not exist yet is created with mode 0600 before the driver opens it: it holds raw subject ids.
 */
public final class JdbcConsentStore implements ConsentStore {
  static final String TABLE = "piiwarden_consent";
  static final String INDEX = TABLE + "_subject";
  /** How long a failed call waits for the connection to answer before it is taken as gone. */
  private static final int VALIDATION_SECONDS = 2;

  private final String url;
  private final String described;
  private final Driver given;
  private final boolean readOnly;
  private Connection connection;

  /** @param url a JDBC URL, e.g. {@code jdbc:postgresql://db/app?user=…} */
  public JdbcConsentStore(String url) {
    this(url, null);
  }

  /**
   * @param url a JDBC URL
   * @param given a driver to use when it accepts {@code url}, not registered with {@link
   *     DriverManager}; null for none
   */
  public JdbcConsentStore(String url, Driver given) {
    this(url, given, false);
  }

  /**
   * @param url a JDBC URL
   * @param given a driver to use when it accepts {@code url}, or null
   * @param readOnly whether the store is only read: then neither a SQLite database file nor the
   *     table is created, and a store without them fails with {@link ConsentStoreMissingException}
   */
  public JdbcConsentStore(String url, Driver given, boolean readOnly) {
    this.url = url;
    this.described = UrlCredentials.withoutCredentials(url);
    this.given = given;
    this.readOnly = readOnly;
  }

  @Override
  public synchronized void append(ConsentRecord record) {
    String sql =
        "INSERT INTO "
            + TABLE
            + " (subject, purpose, state, recorded_at, source, expires_at) VALUES (?,?,?,?,?,?)";
    run(
        "write",
        Map.of("subject", record.subject(), "source", record.source()),
        () -> {
          try (PreparedStatement insert = connection().prepareStatement(sql)) {
            insert.setString(1, record.subject());
            insert.setString(2, record.purpose());
            insert.setString(3, record.state().name());
            insert.setString(4, record.time().toString());
            insert.setString(5, record.source());
            insert.setString(6, record.expires() == null ? null : record.expires().toString());
            insert.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public synchronized List<ConsentRecord> records(String subject) {
    String sql =
        "SELECT subject, purpose, state, recorded_at, source, expires_at FROM "
            + TABLE
            + " WHERE subject = ? ORDER BY id";
    return run(
        "read",
        Map.of("subject", subject),
        () -> {
          List<ConsentRecord> records = new ArrayList<>();
          try (PreparedStatement select = connection().prepareStatement(sql)) {
            select.setString(1, subject);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                String expires = rows.getString(6);
                records.add(
                    new ConsentRecord(
                        rows.getString(1),
                        rows.getString(2),
                        ConsentRecord.State.valueOf(rows.getString(3)),
                        Instant.parse(rows.getString(4)),
                        rows.getString(5),
                        expires == null ? null : Instant.parse(expires)));
              }
            }
          }
          return records;
        });
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs {@code work}; a failure is a {@link ConsentStoreException} whose message is the driver's
   * first line without the URL's credentials and without the values the work was given ({@code
   * shown}: their names to them), which a database may echo ({@code invalid input syntax for type
   * uuid: "jane@example.com"}): a subject id is personal data. Anything else shaped like personal
   * data is masked ({@link QuotedValue}): a refusal that names the client's address.
   */
  private <T> T run(String what, Map<String, String> shown, SqlWork<T> work) {
    try {
      boolean reused = connection != null;
      try {
        return work.run();
      } catch (SQLException e) {
        if (!reused || !lost()) {
          throw e;
        }
        // a connection the server dropped while it was idle (a restart, a proxy's idle timeout):
        // the work is done once more on a new one, and fails as usual if that fails too
        closeQuietly();
        return work.run();
      }
    } catch (ConsentStoreMissingException e) {
      closeQuietly();
      throw e;
    } catch (JdbcConnections.NoDriver e) {
      throw new ConsentDriverMissingException(
          "cannot " + what + " consent store " + described + ": " + e.getMessage(), e);
    } catch (SQLException | RuntimeException e) {
      closeQuietly();
      String message = UrlCredentials.scrub(firstLine(e), url);
      for (Map.Entry<String, String> value : shown.entrySet()) {
        if (value.getValue() != null && value.getValue().length() >= 3) { // shorter would garble the text
          message = message.replace(value.getValue(), "[" + value.getKey() + "]");
        }
      }
      // and what else a server puts there (PostgreSQL's pg_hba refusal names the client's address)
      message = QuotedValue.shown(message);
      throw new ConsentStoreException("cannot " + what + " consent store " + described + ": " + message,
          new ScrubbedCause(e, message));
    }
  }

  /**
   * The driver's failure as a cause that keeps its class and frames but shows only {@code
   * message}, what was left of its text: its own message and causes may hold a value it was given.
   */
  private static final class ScrubbedCause extends Exception {
    private static final long serialVersionUID = 1L;

    ScrubbedCause(Exception original, String message) {
      super(original.getClass().getName() + ": " + message, null, false, true);
      setStackTrace(original.getStackTrace());
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null || connection.isClosed()) {
      Path missing = JdbcConnections.missingDatabaseFile(url);
      if (missing != null && readOnly) {
        throw new ConsentStoreMissingException("cannot read consent store " + described
            + ": the database file " + JdbcConnections.shownFile(missing, url) + " does not exist");
      }
      JdbcConnections.createSqliteFileOwnerOnly(url); // nothing when it exists or is no SQLite file
      connection = connect();
      connection.setAutoCommit(true);
      if (!readOnly) {
        createTableIfAbsent(connection);
      } else if (!JdbcConnections.hasTable(connection, TABLE)) {
        closeQuietly();
        throw new ConsentStoreMissingException("cannot read consent store " + described
            + ": the database has no " + TABLE + " table (no consent was ever recorded in it)");
      }
    }
    return connection;
  }

  /** Whether the store's connection is gone: closed, or no longer answering. */
  private boolean lost() {
    Connection current = connection;
    try {
      return current == null || current.isClosed() || !current.isValid(VALIDATION_SECONDS);
    } catch (SQLException e) {
      return true;
    }
  }

  private Connection connect() throws SQLException {
    return JdbcConnections.open(url, given);
  }

  private static void createTableIfAbsent(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    String id =
        product.contains("sqlite")
            ? "id INTEGER PRIMARY KEY AUTOINCREMENT"
            : product.contains("mysql") || product.contains("mariadb")
                ? "id BIGINT AUTO_INCREMENT PRIMARY KEY"
                : "id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    try (Statement ddl = connection.createStatement()) {
      createIfAbsent(
          ddl,
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " ("
              + id
              + ", subject VARCHAR(512) NOT NULL, purpose VARCHAR(512) NOT NULL,"
              + " state VARCHAR(16) NOT NULL, recorded_at VARCHAR(40) NOT NULL,"
              + " source VARCHAR(512) NOT NULL, expires_at VARCHAR(40))");
    }
    createIndexIfAbsent(connection);
  }

  /**
   * The index on {@code subject}, created when the table has none of that name: MySQL has no
   * {@code CREATE INDEX IF NOT EXISTS}, so the check is the driver's metadata, and a store that
   * loses the race to create it (its {@code CREATE INDEX} fails) looks again before failing.
   */
  private static void createIndexIfAbsent(Connection connection) throws SQLException {
    if (JdbcConnections.hasIndex(connection, TABLE, INDEX)) {
      return;
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE INDEX " + INDEX + " ON " + TABLE + " (subject)");
    } catch (SQLException clash) {
      if (!JdbcConnections.hasIndex(connection, TABLE, INDEX)) {
        throw clash;
      }
    }
  }

  /**
   * Runs a {@code CREATE TABLE … IF NOT EXISTS}, twice if the first fails: stores opening a fresh
   * database at once make PostgreSQL's fail in its catalog for all but one of them (a key clash,
   * or "relation … already exists") until that one commits, and the second try then finds what it
   * created. Any other failure fails the second try as well, and is reported.
   */
  private static void createIfAbsent(Statement ddl, String sql) throws SQLException {
    try {
      ddl.execute(sql);
    } catch (SQLException clash) {
      try {
        ddl.execute(sql);
      } catch (SQLException again) {
        again.addSuppressed(clash);
        throw again;
      }
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private void closeQuietly() {
    Connection current = connection;
    connection = null;
    if (current != null) {
      try {
        current.close();
      } catch (SQLException ignored) {
        // The connection is being dropped because it failed; closing it may fail the same way.
      }
    }
  }

  @Override
  public String describe() {
    return described;
  }

  @Override
  public synchronized void close() {
    closeQuietly();
  }
}

package dev.piiwarden.core.audit;

import dev.piiwarden.core.text.UrlCredentials;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * The {@code jdbc:<url>} sink: the same records in table {@value #TABLE}, one row per record with
 * the canonical line in {@code record} and its main fields in columns for queries; a batch is one
 * transaction of batched inserts. The table is created if absent. On open the chain continues from
 * the row with the highest {@code seq}. The driver comes from the class path (the agent carries
 * PostgreSQL's) or the thread's context class loader (the CLI's {@code --jdbc-driver}); user and
 * password go in the URL.
 *
 * <pre>
 * CREATE TABLE piiwarden_audit (seq BIGINT PRIMARY KEY, ts VARCHAR(32), type VARCHAR(64),
 *   subject VARCHAR(80), prev CHAR(64), hash CHAR(64), record TEXT)
 * </pre>
 */
public final class JdbcSink implements AuditSink {
  /** The table the records go to. */
  public static final String TABLE = "piiwarden_audit";

  private static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE
      + " (seq BIGINT NOT NULL PRIMARY KEY, ts VARCHAR(32) NOT NULL, type VARCHAR(64) NOT NULL,"
      + " subject VARCHAR(80), prev CHAR(64) NOT NULL, hash CHAR(64) NOT NULL,"
      + " record TEXT NOT NULL)";
  private static final String INSERT = "INSERT INTO " + TABLE
      + " (seq, ts, type, subject, prev, hash, record) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String LAST = "SELECT seq, hash FROM " + TABLE + " ORDER BY seq DESC";

  private final String url;
  private Connection connection;

  /** A sink writing to the database at {@code url}. */
  public JdbcSink(String url) {
    this.url = url;
  }

  @Override
  public Start open() throws IOException {
    try {
      Connection c = connection();
      try (Statement create = c.createStatement()) {
        create.execute(CREATE);
      }
      ChainPosition position = ChainPosition.START;
      try (Statement last = c.createStatement()) {
        last.setMaxRows(1);
        try (ResultSet row = last.executeQuery(LAST)) {
          if (row.next()) {
            position = new ChainPosition(row.getLong(1), row.getString(2));
          }
        }
      }
      c.commit();
      return new Start(position, null);
    } catch (SQLException e) {
      throw failure("open", e);
    }
  }

  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    try {
      Connection c = connection();
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        for (SealedRecord record : batch) {
          insert.setLong(1, record.seq());
          insert.setString(2, AuditRecordFormat.timestamp(record.event().ts()));
          insert.setString(3, record.event().type());
          insert.setString(4, record.event().subject());
          insert.setString(5, record.prev());
          insert.setString(6, record.hash());
          insert.setString(7, record.line());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    } catch (SQLException e) {
      throw failure("write to", e);
    }
  }

  @Override
  public void sync() {
    // Each batch is committed: the database's durability applies.
  }

  @Override
  public void close() throws IOException {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        throw new IOException("cannot close " + describe(), e);
      } finally {
        connection = null;
      }
    }
  }

  @Override
  public String describe() {
    return UrlCredentials.withoutCredentials(url);
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = connect();
      connection.setAutoCommit(false);
    }
    return connection;
  }

  /**
   * A connection through {@link DriverManager}, else through a driver of the thread's context
   * class loader, which DriverManager does not see: the CLI's {@code --jdbc-driver} jars, as for
   * the consent store.
   */
  private Connection connect() throws SQLException {
    try {
      return DriverManager.getConnection(url);
    } catch (SQLException noDriverThere) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null) {
        for (Driver driver : ServiceLoader.load(Driver.class, context)) {
          if (driver.acceptsURL(url)) {
            Connection found = driver.connect(url, new Properties());
            if (found != null) {
              return found;
            }
          }
        }
      }
      throw noDriverThere;
    }
  }

  /** Rolls back and drops the connection, so that the retry starts on a fresh one. */
  private IOException failure(String what, SQLException e) {
    IOException failure = new IOException("cannot " + what + " " + describe() + ": "
        + UrlCredentials.scrub(e.getMessage(), url), e);
    if (connection != null) {
      try {
        connection.rollback();
        connection.close();
      } catch (SQLException cleanup) {
        failure.addSuppressed(cleanup);
      }
      connection = null;
    }
    return failure;
  }
}

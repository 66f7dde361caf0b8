package dev.piiwarden.core.audit;

import dev.piiwarden.core.jdbc.JdbcConnections;
import dev.piiwarden.core.text.UrlCredentials;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;

/**
 * The {@code jdbc:<url>} sink: the same records in table {@value #TABLE}, one row per record with
 * the canonical line in {@code record} and its main fields in columns for queries; a batch is one
 * transaction of batched inserts. The table is created if absent. The driver is the one given (the
 * agent hands over its bundled PostgreSQL driver, which it keeps out of {@code DriverManager}), else
 * one on the class path, else one of the thread's context class loader (the CLI's {@code
 * --jdbc-driver} jars, as for the consent store); user and password go in the URL.
 *
 * <p>Several writers may share the table (replicas of a service, the CLI's {@code consent --audit}
 * beside a running agent), as they share a jsonl file. Before each batch ({@link #claim}) the sink
 * reads the row with the highest {@code seq}; if another writer appended since, the batch is sealed
 * again after that row. The primary key on {@code seq} decides between two writers that read the
 * same last row: the second one's insert clashes, its transaction is rolled back whole ({@link
 * AuditSink.Contended}), and it reads and seals again. So the chain stays one chain at any isolation
 * level, as long as rows are only ever inserted (no writer updates or deletes them) and the primary
 * key is kept. On SQLite each batch is a {@code BEGIN IMMEDIATE} transaction, so a second writer
 * waits for the first one's commit (the driver's {@code busy_timeout}, 3 s by default) instead of
 * failing on the lock.
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
  private static final String LAST_RECORD = "SELECT seq, record FROM " + TABLE + " ORDER BY seq DESC";
  /** SQLite's primary result code for a constraint violation. */
  private static final int SQLITE_CONSTRAINT = 19;

  private final String url;
  private final boolean sqlite;
  private final Driver given;
  /** The key this writer seals with, checked against the table's last row on open; null: none. */
  private AuditKey sealedWith;
  private String keyName;
  private Connection connection;
  /** Where this writer's chain stands: the last row it read or wrote. */
  private ChainPosition position;

  /** A sink writing to the database at {@code url}, with a driver {@code DriverManager} finds. */
  public JdbcSink(String url) {
    this(url, null);
  }

  /**
   * A sink writing to the database at {@code url}: with {@code given} when it accepts the URL (a
   * driver kept out of {@code DriverManager}, as the agent's bundled PostgreSQL driver), else a
   * driver {@code DriverManager} or the thread's context class loader has.
   */
  public JdbcSink(String url, Driver given) {
    this.url = url;
    this.given = given;
    this.sqlite = url.startsWith("jdbc:sqlite:");
  }

  /**
   * Makes {@link #open} check the table's last row with the key this sink's records are sealed
   * with ({@link TrailKeyCheck}): a table written with another key is refused, not continued. The
   * check at start reads the table before the key is loaded or created; this one covers a
   * database that could not be reached then.
   *
   * @param keyName the key as messages name it: {@code audit key file <path>}
   */
  JdbcSink sealedWith(AuditKey key, String keyName) {
    this.sealedWith = key;
    this.keyName = keyName;
    return this;
  }

  /**
   * {@inheritDoc}
   *
   * @throws AuditException when the table holds records that the key this sink was {@linkplain
   *     #sealedWith sealed with} does not verify
   */
  @Override
  public Start open() throws IOException {
    try {
      Connection c = connection();
      try {
        create(c);
      } catch (SQLException e) {
        // Two writers created the table at once: PostgreSQL's CREATE TABLE IF NOT EXISTS then
        // fails in its catalog (a key clash, or "relation" or "type … already exists", by
        // timing). The table exists now and a second try finds it; any other failure fails that
        // try as well, and is reported.
        rollback(e);
        create(connection());
      }
      position = last(connection());
      if (sealedWith != null && position.seq() > 0) {
        checkKey(connection());
      }
      return new Start(position, null);
    } catch (SQLException e) {
      throw failure("open", e);
    }
  }

  /** Reads the last row: when another writer appended since this one's last batch, it is where to go on. */
  @Override
  public Start claim() throws IOException {
    try {
      ChainPosition now = last(connection());
      if (position != null && now.seq() == position.seq() && now.hash().equals(position.hash())) {
        return null;
      }
      position = now;
      return new Start(now, null);
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    try {
      Connection c = connection();
      begin(c);
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
      commit(c);
      if (!batch.isEmpty()) {
        SealedRecord last = batch.get(batch.size() - 1);
        position = new ChainPosition(last.seq(), last.hash());
      }
    } catch (SQLException e) {
      if (keyClash(e)) {
        rollback(e);
        throw new Contended("another writer appended to " + describe() + " first; the batch is"
            + " sealed again after its records", e);
      }
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

  private void create(Connection c) throws SQLException {
    begin(c);
    try (Statement create = c.createStatement()) {
      create.execute(CREATE);
    }
    commit(c);
  }

  /** The row with the highest seq, in a transaction of its own, or the start of a new chain. */
  private ChainPosition last(Connection c) throws SQLException {
    ChainPosition last = ChainPosition.START;
    try (Statement query = c.createStatement()) {
      query.setMaxRows(1);
      try (ResultSet row = query.executeQuery(LAST)) {
        if (row.next()) {
          last = new ChainPosition(row.getLong(1), row.getString(2));
        }
      }
    }
    if (!sqlite) {
      c.commit();
    }
    return last;
  }

  /** The last row's record verifies with the key this writer seals with, or the open is refused. */
  private void checkKey(Connection c) throws SQLException {
    LastRow last = lastRow(c);
    if (!sqlite) {
      c.commit();
    }
    if (last != null) {
      TrailKeyCheck.checkTableWith(url, last.record(url, keyName), sealedWith, keyName);
    }
  }

  /**
   * The table's row with the highest seq, or null when the table is absent or empty: for {@link
   * TrailKeyCheck}.
   */
  static LastRow lastRow(Connection c) throws SQLException {
    if (!JdbcConnections.hasTable(c, TABLE)) {
      return null;
    }
    try (Statement query = c.createStatement()) {
      query.setMaxRows(1);
      try (ResultSet row = query.executeQuery(LAST_RECORD)) {
        return row.next() ? new LastRow(row.getLong(1), row.getString(2)) : null;
      }
    }
  }

  /** The row with the highest seq as stored: its seq and the text of its record. */
  record LastRow(long seq, String text) {
    /**
     * The row's record.
     *
     * @throws AuditException when the text is no record as the writer writes it: no key can be
     *     checked against it
     */
    RecordLine record(String url, String keyName) {
      RecordLine record = text == null ? null : RecordLine.parse(text);
      if (record == null) {
        throw TrailKeyCheck.damagedLastRow(url, seq, keyName);
      }
      return record;
    }
  }

  /**
   * A clash on the primary key: SQLState class 23 (PostgreSQL's 23505 and most others), SQLite's
   * SQLITE_CONSTRAINT, also as the chained or causing exception of a batch failure.
   */
  private boolean keyClash(SQLException e) {
    SQLException next = e;
    for (int i = 0; next != null && i < 16; i++, next = next.getNextException()) {
      if (clash(next) || (next.getCause() instanceof SQLException cause && clash(cause))) {
        return true;
      }
    }
    return false;
  }

  private boolean clash(SQLException e) {
    return e instanceof SQLIntegrityConstraintViolationException
        || (e.getSQLState() != null && e.getSQLState().startsWith("23"))
        || (sqlite && (e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT);
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection = connect();
      // SQLite: autocommit, with each batch in BEGIN IMMEDIATE … COMMIT (the driver would hold a
      // transaction open between batches otherwise); other databases: JDBC transactions.
      connection.setAutoCommit(sqlite);
    }
    return connection;
  }

  private Connection connect() throws SQLException {
    // pseudonymous records are still personal data: a new SQLite file is its owner's only, as the
    // jsonl trail and the SQLite consent store are
    JdbcConnections.createSqliteFileOwnerOnly(url);
    return JdbcConnections.open(url, given);
  }

  private void begin(Connection c) throws SQLException {
    if (sqlite) {
      try (Statement begin = c.createStatement()) {
        begin.execute("BEGIN IMMEDIATE");
      }
    }
  }

  private void commit(Connection c) throws SQLException {
    if (sqlite) {
      try (Statement commit = c.createStatement()) {
        commit.execute("COMMIT");
      }
    } else {
      c.commit();
    }
  }

  /** Rolls back the batch and keeps the connection; when that fails, the connection is dropped. */
  private void rollback(SQLException clash) {
    try {
      if (sqlite) {
        try (Statement rollback = connection.createStatement()) {
          rollback.execute("ROLLBACK");
        }
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      clash.addSuppressed(e);
      try {
        connection.close();
      } catch (SQLException ignored) {
        // dropped either way; the next batch opens a fresh connection
      }
      connection = null;
    }
  }

  /** Rolls back and drops the connection, so that the retry starts on a fresh one. */
  private IOException failure(String what, SQLException e) {
    IOException failure = new IOException("cannot " + what + " " + describe() + ": "
        + UrlCredentials.scrub(e.getMessage(), url), e);
    if (connection != null) {
      try {
        if (!sqlite) {
          connection.rollback();
        }
        // SQLite: closing the connection rolls back an open BEGIN IMMEDIATE
        connection.close();
      } catch (SQLException cleanup) {
        failure.addSuppressed(cleanup);
      }
      connection = null;
    }
    return failure;
  }
}

package dev.piiwarden.core.audit;

import dev.piiwarden.core.jdbc.JdbcConnections;
import dev.piiwarden.core.text.UrlCredentials;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The {@code jdbc:} sink's table read back as a trail: its rows' records in {@code seq} order, one
 * line each, the way the {@code jsonl:} sink writes them, so that {@link AuditVerifier} and {@link
 * AuditQuery} check and search a database's trail as they do a file's. A row's line number in the
 * copy is its position in {@code seq} order.
 *
 * <p>The rows are streamed (a fetch size inside a transaction, which PostgreSQL's driver needs
 * to stream; nothing is written), so a table of millions of records is copied in constant memory.
 */
public final class JdbcTrail {
  private static final String SELECT = "SELECT record FROM " + JdbcSink.TABLE + " ORDER BY seq";
  private static final int FETCH_SIZE = 1000;

  private JdbcTrail() {}

  /**
   * Writes the records of {@code url}'s {@code piiwarden_audit} table to {@code file} (created or
   * emptied), one per line, in {@code seq} order, and returns how many there are. The JDBC driver
   * is found as the sink finds it ({@link JdbcConnections}).
   *
   * @throws AuditException when the file of a SQLite or embedded H2 database does not exist
   *     (nothing is created), no driver accepts the URL, the database cannot be reached, it has
   *     no {@code piiwarden_audit} table, or the file cannot be written; the message shows the URL
   *     without its credentials
   */
  public static long copy(String url, Path file) {
    String shown = UrlCredentials.withoutCredentials(url);
    // SQLite's and H2's drivers create a missing database when they connect: a mistyped path
    // would leave an empty database behind and be told only that it has no table
    Path database = JdbcConnections.missingDatabaseFile(url);
    if (database != null) {
      throw new AuditException("cannot read " + shown + ": no such database file "
          + JdbcConnections.shownFile(database, url)
          + "; give the path of the database that piiwarden.audit.sink=jdbc: writes to");
    }
    Connection connection;
    try {
      connection = JdbcConnections.open(url, null);
    } catch (JdbcConnections.NoDriver e) {
      throw new AuditException(e.getMessage() + " (" + shown + ")", e);
    } catch (SQLException e) {
      throw new AuditException("cannot connect to " + shown + ": "
          + UrlCredentials.scrub(e.getMessage(), url) + "; check that the database is reachable"
          + " and the URL's user may read it", e);
    }
    try (connection;
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      connection.setAutoCommit(false);
      long rows = 0;
      try (Statement query = connection.createStatement()) {
        query.setFetchSize(FETCH_SIZE);
        try (ResultSet records = query.executeQuery(SELECT)) {
          while (records.next()) {
            String record = records.getString(1);
            out.write(record == null ? "" : record);
            out.write('\n');
            rows++;
          }
        }
      } catch (SQLException e) {
        throw new AuditException("cannot read table " + JdbcSink.TABLE + " of " + shown + ": "
            + UrlCredentials.scrub(e.getMessage(), url) + "; give the URL of the database that"
            + " piiwarden.audit.sink=jdbc: writes to", e);
      }
      connection.rollback(); // only read: nothing to keep
      return rows;
    } catch (SQLException e) {
      throw new AuditException("cannot read " + shown + ": "
          + UrlCredentials.scrub(e.getMessage(), url), e);
    } catch (IOException e) {
      throw new AuditException("cannot write the copy of " + shown + "'s trail to " + file + " ("
          + e.getMessage() + ")", e);
    }
  }
}

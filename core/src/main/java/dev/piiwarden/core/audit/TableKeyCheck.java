package dev.piiwarden.core.audit;

import dev.piiwarden.core.jdbc.JdbcConnections;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;

/**
 * {@link TrailKeyCheck} for a {@code jdbc:} sink's table, in a class of its own so that the file
 * check links on a runtime without {@code java.sql}.
 */
public final class TableKeyCheck {
  private TableKeyCheck() {}

  /**
   * Checks that {@code keyFile} can continue the trail in the {@code jdbc:} sink's table at {@code
   * url}, as {@link TrailKeyCheck#check(Path, Path)} does for a file. A database without the
   * table, or with an empty one, passes. A database that cannot be reached or read now is no refusal: a sink that is
   * down is retried, not a configuration error, and the sink checks the key itself once it opens
   * ({@link JdbcSink}).
   *
   * @param driver a driver to try first when it accepts the URL (as the sink is given); null for
   *     none
   * @return true when the table was read; false when it could not be, for the sink to check later
   * @throws AuditException when the table holds records and the key file is missing, cannot be
   *     used, or is not the key of its last row; the message names the table (the URL without
   *     credentials) and the key file and says to restore the key or rename the table
   */
  public static boolean checkTable(String url, Driver driver, Path keyFile) {
    if (JdbcConnections.missingDatabaseFile(url) != null) {
      return true; // no database, no records; connecting would create the file
    }
    JdbcSink.LastRow last;
    try (Connection connection = JdbcConnections.open(url, driver)) {
      last = JdbcSink.lastRow(connection);
    } catch (SQLException e) {
      // An outage at start is the sink's to report (and retry); it checks the key when it opens.
      return false;
    }
    if (last != null) {
      TrailKeyCheck.check(TrailKeyCheck.Place.table(url),
          last.record(url, "audit key file " + keyFile), keyFile);
    }
    return true;
  }
}

package dev.piiwarden.core.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * How the JDBC consent store and audit sink open a connection: with the driver they were given when
 * it accepts the URL (the agent's own PostgreSQL driver, kept out of {@link DriverManager} so that
 * the application never gets it), else through {@link DriverManager}, else through a driver of the
 * thread's context class loader, which {@code DriverManager} does not see (an application server's
 * or a nested jar's drivers, the CLI's {@code --jdbc-driver} jars).
 */
public final class JdbcConnections {
  /** DriverManager's state for "No suitable driver" (the connection could not be made). */
  private static final String NO_DRIVER_STATE = "08001";

  private JdbcConnections() {}

  /**
   * A connection to {@code url}.
   *
   * @param given a driver to try first when it accepts the URL; null for none
   * @throws NoDriver when no driver accepts the URL at all: nothing was tried against a database
   * @throws SQLException when a driver accepted it and could not connect
   */
  public static Connection open(String url, Driver given) throws SQLException {
    if (given != null && given.acceptsURL(url)) {
      Connection opened = given.connect(url, new Properties());
      if (opened != null) {
        return opened;
      }
    }
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
      if (NO_DRIVER_STATE.equals(noDriverThere.getSQLState()) && !registered(url)) {
        throw new NoDriver(url, noDriverThere);
      }
      throw noDriverThere;
    }
  }

  /**
   * The file of a {@code jdbc:sqlite:} URL, or null for another database or an in-memory one. The
   * driver creates a missing file when it connects, with the process's umask: the consent store
   * creates it first, readable by its owner only, and a check that only reads looks whether it
   * exists before it connects.
   */
  public static Path sqliteFile(String url) {
    if (!url.startsWith("jdbc:sqlite:")) {
      return null;
    }
    String path = url.substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    }
    if (path.isEmpty() || path.startsWith(":")) {
      return null; // :memory:, :resource:
    }
    try {
      return Path.of(path).toAbsolutePath();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * Whether the database has table {@code name}, as created unquoted: in lower case (PostgreSQL,
   * SQLite) or in upper case (H2 and others that fold names so).
   */
  public static boolean hasTable(Connection connection, String name) throws SQLException {
    for (String folded : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, folded, null)) {
        if (tables.next()) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean registered(String url) {
    try {
      DriverManager.getDriver(url);
      return true;
    } catch (SQLException none) {
      return false;
    }
  }

  /**
   * No driver on the class path accepts the URL. The message names the URL's scheme ({@code
   * jdbc:sqlite:} of {@code jdbc:sqlite:consent.db}), never the rest, which may hold credentials.
   */
  public static final class NoDriver extends SQLException {
    private static final long serialVersionUID = 1L;

    NoDriver(String url, SQLException cause) {
      super("no JDBC driver on the class path accepts " + scheme(url), NO_DRIVER_STATE, cause);
    }

    private static String scheme(String url) {
      int colon = url.indexOf(':', "jdbc:".length());
      return colon < 0 ? url : url.substring(0, colon + 1);
    }
  }
}

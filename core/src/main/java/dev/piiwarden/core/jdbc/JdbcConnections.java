package dev.piiwarden.core.jdbc;

import dev.piiwarden.core.text.ShownPath;
import dev.piiwarden.core.text.UrlCredentials;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    boolean givenRefuses = given != null && !given.acceptsURL(url);
    if (given != null && !givenRefuses) {
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
        throw new NoDriver(url, givenRefuses, noDriverThere);
      }
      throw noDriverThere;
    }
  }

  /**
   * A database file of {@code url} ({@link #missingDatabaseFile}) as a message shows it: folder or
   * file names shaped like personal data masked, and whatever of the URL's credentials the path
   * holds ({@code jdbc:h2:/srv/app?password=…}, which H2 takes as part of the file name) hidden.
   */
  public static String shownFile(Path file, String url) {
    return UrlCredentials.scrub(ShownPath.of(file.toString()), url);
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
   * The file of a {@code jdbc:h2:} URL of an embedded file database ({@code <path>.mv.db}), or null
   * for another database, an in-memory one or a server ({@code tcp:}, {@code ssl:}). Like SQLite's
   * driver, H2's creates a missing database when it connects, so a check that only reads looks
   * whether this file exists first.
   */
  public static Path h2File(String url) {
    if (!url.startsWith("jdbc:h2:")) {
      return null;
    }
    String path = url.substring("jdbc:h2:".length());
    int settings = path.indexOf(';');
    if (settings >= 0) {
      path = path.substring(0, settings);
    }
    if (path.startsWith("file:")) {
      path = path.substring("file:".length());
    } else if (path.startsWith("mem:") || path.startsWith("tcp:") || path.startsWith("ssl:")
        || path.startsWith("zip:") || path.startsWith("split:") || path.startsWith("nio")
        || path.startsWith("async:") || path.startsWith("retry:")) {
      return null;
    }
    if (path.isEmpty()) {
      return null;
    }
    if (path.equals("~") || path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    try {
      return Path.of(path + ".mv.db").toAbsolutePath();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * The file of a SQLite or embedded H2 database URL ({@link #sqliteFile}, {@link #h2File}) when it
   * does not exist, else null (it exists, or the URL names no file). Their drivers create a missing
   * database when they connect, so whatever only reads asks this first.
   */
  public static Path missingDatabaseFile(String url) {
    Path file = sqliteFile(url);
    if (file == null) {
      file = h2File(url);
    }
    return file != null && !Files.exists(file) ? file : null;
  }

  /**
   * Creates the missing file of a {@code jdbc:sqlite:} URL readable and writable by its owner only
   * (where the file system has POSIX permissions), before the first connection would create it with
   * the process's umask: for SQLite the file mode is the access control. Does nothing for another
   * database, an in-memory one, or a file that exists (its mode stays).
   *
   * @throws SQLException when the file cannot be created; the message names the file
   */
  public static void createSqliteFileOwnerOnly(String url) throws SQLException {
    Path file = sqliteFile(url);
    if (file == null || Files.exists(file)) {
      return;
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException raced) {
      // another process made it first: its mode stays
    } catch (IOException e) {
      throw new SQLException("cannot create the database file " + file + ": "
          + e.getClass().getSimpleName(), e);
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

  /**
   * Whether {@code table} has an index named {@code index}, as the driver's metadata lists them
   * (names compared without case: databases fold unquoted names to upper or lower case).
   */
  public static boolean hasIndex(Connection connection, String table, String index) throws SQLException {
    for (String folded : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
      try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, folded, false, false)) {
        while (indexes.next()) {
          if (index.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
            return true;
          }
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
   * jdbc:sqlite:} of {@code jdbc:sqlite:consent.db}), never the rest, which may hold credentials;
   * when a driver was given for the URL and refuses it, the URL is malformed for it, and the
   * message says so rather than that the driver is missing.
   */
  public static final class NoDriver extends SQLException {
    private static final long serialVersionUID = 1L;

    NoDriver(String url, boolean givenRefuses, SQLException cause) {
      super(givenRefuses
          ? "the JDBC driver given for " + scheme(url) + " URLs refuses this one as malformed, and no"
              + " driver on the class path accepts it; correct the URL"
          : "no JDBC driver on the class path accepts " + scheme(url), NO_DRIVER_STATE, cause);
    }

    private static String scheme(String url) {
      int colon = url.indexOf(':', "jdbc:".length());
      return colon < 0 ? url : url.substring(0, colon + 1);
    }
  }
}

package dev.piiwarden.samples.accounts.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The JDBC database: H2 in a file by default, PostgreSQL (or any database speaking this plain SQL)
 * by URL. Creates the tables on start.
 */
public final class Database {
  private static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS users (id VARCHAR(36) PRIMARY KEY, email VARCHAR(320) NOT NULL"
              + " UNIQUE, name VARCHAR(200) NOT NULL, phone VARCHAR(40), created_at BIGINT NOT NULL,"
              + " last_active_at BIGINT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS credentials (user_id VARCHAR(36) PRIMARY KEY, password_hash"
              + " VARCHAR(200) NOT NULL)",
          "CREATE TABLE IF NOT EXISTS login_events (user_id VARCHAR(36) NOT NULL, client_ip"
              + " VARCHAR(45) NOT NULL, at_millis BIGINT NOT NULL, succeeded BOOLEAN NOT NULL)",
          "CREATE TABLE IF NOT EXISTS newsletter_deliveries (user_id VARCHAR(36) NOT NULL, sent_to"
              + " VARCHAR(320) NOT NULL, sent_at BIGINT NOT NULL)");

  private final String url;
  private final String user;
  private final String password;

  /** A database at {@code url}; {@code user} and {@code password} may be null. */
  public Database(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** Opens a connection; the caller closes it. */
  public Connection connect() throws SQLException {
    return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
  }

  /** Creates the tables that are missing. */
  public void migrate() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      for (String sql : SCHEMA) {
        statement.execute(sql);
      }
    }
  }

  /** The URL without parameters (they may hold a password), for the start-up log line. */
  public String describe() {
    int parameters = url.indexOf('?');
    return parameters < 0 ? url : url.substring(0, parameters);
  }
}

package dev.piiwarden.samples.accounts.store;

import dev.piiwarden.samples.accounts.model.LoginEvent;
import dev.piiwarden.samples.accounts.model.NewsletterDelivery;
import dev.piiwarden.samples.accounts.model.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every table that holds a person's data, in one place, so that erasure ({@link #erase}) cannot
 * miss one. The consent ledger is not here: it belongs to PII Warden and is keyed by the random
 * user id only.
 */
public final class AccountStore {
  private static final String USER_COLUMNS = "id, email, name, phone, created_at, last_active_at";

  private final Database database;

  public AccountStore(Database database) {
    this.database = database;
  }

  /** Inserts a new user with the password hash; false when the email is taken. */
  public boolean insert(User user, String passwordHash) throws SQLException {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      if (findBy(connection, "email", user.email()).isPresent()) {
        connection.rollback();
        return false;
      }
      try (PreparedStatement users =
              connection.prepareStatement("INSERT INTO users (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement credentials =
              connection.prepareStatement("INSERT INTO credentials (user_id, password_hash) VALUES (?, ?)")) {
        users.setString(1, user.id());
        users.setString(2, user.email());
        users.setString(3, user.name());
        users.setString(4, user.phone());
        users.setLong(5, user.createdAt().toEpochMilli());
        users.setLong(6, user.lastActiveAt().toEpochMilli());
        users.executeUpdate();
        credentials.setString(1, user.id());
        credentials.setString(2, passwordHash);
        credentials.executeUpdate();
      }
      connection.commit();
      return true;
    }
  }

  public Optional<User> findById(String id) throws SQLException {
    try (Connection connection = database.connect()) {
      return findBy(connection, "id", id);
    }
  }

  public Optional<User> findByEmail(String email) throws SQLException {
    try (Connection connection = database.connect()) {
      return findBy(connection, "email", email);
    }
  }

  /** Every user, oldest first. */
  public List<User> all() throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select =
            connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM users ORDER BY created_at, id");
        ResultSet rows = select.executeQuery()) {
      List<User> users = new ArrayList<>();
      while (rows.next()) {
        users.add(user(rows));
      }
      return users;
    }
  }

  /** Users whose last activity is before {@code cutoff}. */
  public List<User> inactiveSince(Instant cutoff) throws SQLException {
    List<User> inactive = new ArrayList<>();
    for (User user : all()) {
      if (user.lastActiveAt().isBefore(cutoff)) {
        inactive.add(user);
      }
    }
    return inactive;
  }

  /** Stores new contact details; false when the new email belongs to another account. */
  public boolean update(User user) throws SQLException {
    try (Connection connection = database.connect()) {
      Optional<User> owner = findBy(connection, "email", user.email());
      if (owner.isPresent() && !owner.get().id().equals(user.id())) {
        return false;
      }
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE users SET email = ?, name = ?, phone = ? WHERE id = ?")) {
        update.setString(1, user.email());
        update.setString(2, user.name());
        update.setString(3, user.phone());
        update.setString(4, user.id());
        return update.executeUpdate() == 1;
      }
    }
  }

  public Optional<String> passwordHash(String userId) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select =
            connection.prepareStatement("SELECT password_hash FROM credentials WHERE user_id = ?")) {
      select.setString(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /** Records a login and, when it succeeded, the account's last activity. */
  public void recordLogin(LoginEvent event) throws SQLException {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO login_events (user_id, client_ip, at_millis, succeeded) VALUES (?, ?, ?, ?)");
          PreparedStatement touch =
              connection.prepareStatement("UPDATE users SET last_active_at = ? WHERE id = ?")) {
        insert.setString(1, event.userId());
        insert.setString(2, event.clientIp());
        insert.setLong(3, event.at().toEpochMilli());
        insert.setBoolean(4, event.succeeded());
        insert.executeUpdate();
        if (event.succeeded()) {
          touch.setLong(1, event.at().toEpochMilli());
          touch.setString(2, event.userId());
          touch.executeUpdate();
        }
      }
      connection.commit();
    }
  }

  public List<LoginEvent> logins(String userId) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT client_ip, at_millis, succeeded FROM login_events WHERE user_id = ? ORDER BY at_millis")) {
      select.setString(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        List<LoginEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(
              new LoginEvent(userId, rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)), rows.getBoolean(3)));
        }
        return events;
      }
    }
  }

  public void recordDelivery(NewsletterDelivery delivery) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO newsletter_deliveries (user_id, sent_to, sent_at) VALUES (?, ?, ?)")) {
      insert.setString(1, delivery.userId());
      insert.setString(2, delivery.sentTo());
      insert.setLong(3, delivery.sentAt().toEpochMilli());
      insert.executeUpdate();
    }
  }

  public List<NewsletterDelivery> deliveries(String userId) throws SQLException {
    try (Connection connection = database.connect();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT sent_to, sent_at FROM newsletter_deliveries WHERE user_id = ? ORDER BY sent_at")) {
      select.setString(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        List<NewsletterDelivery> deliveries = new ArrayList<>();
        while (rows.next()) {
          deliveries.add(new NewsletterDelivery(userId, rows.getString(1), Instant.ofEpochMilli(rows.getLong(2))));
        }
        return deliveries;
      }
    }
  }

  /**
   * Deletes every row about the user from every table, in one transaction. Returns the number of
   * rows deleted, 0 when there was no such user.
   */
  public int erase(String userId) throws SQLException {
    try (Connection connection = database.connect()) {
      connection.setAutoCommit(false);
      int deleted = 0;
      for (String sql :
          List.of(
              "DELETE FROM newsletter_deliveries WHERE user_id = ?",
              "DELETE FROM login_events WHERE user_id = ?",
              "DELETE FROM credentials WHERE user_id = ?",
              "DELETE FROM users WHERE id = ?")) {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
          delete.setString(1, userId);
          deleted += delete.executeUpdate();
        }
      }
      connection.commit();
      return deleted;
    }
  }

  private static Optional<User> findBy(Connection connection, String column, String value) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + USER_COLUMNS + " FROM users WHERE " + column + " = ?")) {
      select.setString(1, value);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(user(rows)) : Optional.empty();
      }
    }
  }

  private static User user(ResultSet rows) throws SQLException {
    return new User(
        rows.getString(1),
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        Instant.ofEpochMilli(rows.getLong(5)),
        Instant.ofEpochMilli(rows.getLong(6)));
  }
}

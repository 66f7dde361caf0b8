package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.report.AgentReport;
import java.sql.Driver;
import java.sql.SQLException;

/**
 * The PostgreSQL driver the agent bundles (relocated), for a {@code jdbc:postgresql:} consent
 * store, kept out of {@link java.sql.DriverManager}. The agent jar lists no {@code java.sql.Driver}
 * service, and the driver's class registers itself when it loads, so that registration is taken
 * back at once: an application's own {@code DriverManager.getConnection("jdbc:postgresql:…")} or a
 * pool that asks {@code DriverManager.getDriver} gets the application's driver, or none, never the
 * agent's copy of another version whose connections are not the application's classes.
 */
public final class BundledDriver {
  private BundledDriver() {}

  /** The bundled driver for {@code store}, or null when the store is no PostgreSQL one. */
  public static Driver forStore(String store) {
    if (!store.startsWith("jdbc:postgresql:")) {
      return null;
    }
    try {
      Driver driver = new org.postgresql.Driver();
      if (org.postgresql.Driver.isRegistered()) {
        org.postgresql.Driver.deregister();
      }
      return driver;
    } catch (SQLException | RuntimeException | LinkageError e) {
      // The store is then looked for through DriverManager, where the application's driver may be.
      AgentReport.once("bundled-driver", "the bundled PostgreSQL driver is not usable ("
          + AgentReport.describe(e) + "); the consent store uses the application's driver if it has one");
      return null;
    }
  }
}

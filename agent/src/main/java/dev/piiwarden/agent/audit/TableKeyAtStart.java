package dev.piiwarden.agent.audit;

import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.TableKeyCheck;
import java.nio.file.Path;
import java.sql.Driver;

/**
 * The key check of a {@code jdbc:} audit sink's table at start (core's {@link
 * TableKeyCheck#checkTable}), on a thread of its own that {@code premain} waits for at most
 * {@value #BOUND_MILLIS} ms: a database that accepts connections and never answers must not hold
 * the application's start. A check that takes longer, or finds the database down, is left to the
 * sink, which checks the key itself when it opens. Not a lambda or an executor: each would spin
 * classes at start.
 */
final class TableKeyAtStart implements Runnable {
  static final long BOUND_MILLIS = 5_000;

  private final String url;
  private final Driver driver;
  private final Path keyFile;
  private volatile AuditException refusal;

  private TableKeyAtStart(String url, Driver driver, Path keyFile) {
    this.url = url;
    this.driver = driver;
    this.keyFile = keyFile;
  }

  /**
   * Checks that {@code keyFile} can continue the table at {@code url}.
   *
   * @throws AuditException when the table holds records and the key file is missing or another key
   */
  static void check(String url, Driver driver, Path keyFile) {
    TableKeyAtStart check = new TableKeyAtStart(url, driver, keyFile);
    Thread thread = new Thread(check, "piiwarden-audit-key-check");
    thread.setDaemon(true);
    thread.start();
    try {
      thread.join(BOUND_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return; // the start goes on; the sink checks the key when it opens
    }
    if (check.refusal != null) {
      throw check.refusal;
    }
  }

  @Override
  public void run() {
    try {
      TableKeyCheck.checkTable(url, driver, keyFile);
    } catch (AuditException e) {
      refusal = e;
    } catch (RuntimeException e) {
      // A driver's failure other than an SQLException is no refusal either: the sink meets it
      // when it opens the same URL and reports it once, as any sink failure, without the URL's
      // credentials; printing it here would say it twice.
    }
  }
}

package dev.piiwarden.samples.accounts.service;

import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.annotations.Purpose;
import dev.piiwarden.samples.accounts.model.User;
import dev.piiwarden.samples.accounts.store.AccountStore;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases accounts inactive for longer than the retention period (the {@code P2Y} the {@code User}
 * members declare): no successful login since then. Runs on a schedule, and on demand at {@code
 * POST /admin/retention/run} with an {@code asOf} instant, so the demo can look two years ahead.
 */
public final class RetentionJob {
  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final AccountStore store;
  private final AccountService accounts;
  private final Period retention;

  public RetentionJob(AccountStore store, AccountService accounts, Period retention) {
    this.store = store;
    this.accounts = accounts;
    this.retention = retention;
  }

  /** Erases the accounts past retention at {@code asOf}; returns their ids. */
  @ProcessingActivity(name = "Retention erasure", purposes = Purpose.ESSENTIAL_LEGAL_OBLIGATION)
  public List<String> run(Instant asOf) throws SQLException {
    Instant cutoff = asOf.atOffset(ZoneOffset.UTC).minus(retention).toInstant();
    List<String> erased = new ArrayList<>();
    for (User user : store.inactiveSince(cutoff)) {
      log.info("retention: {} inactive since {}, erasing", user, user.lastActiveAt());
      accounts.erase(user.id());
      erased.add(user.id());
    }
    log.info("retention run as of {}: {} account(s) erased", asOf, erased.size());
    return erased;
  }
}

package dev.piiwarden.samples.accounts.service;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.annotations.OnDenied;
import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.annotations.Purpose;
import dev.piiwarden.samples.accounts.model.NewsletterDelivery;
import dev.piiwarden.samples.accounts.model.User;
import dev.piiwarden.samples.accounts.store.AccountStore;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the newsletter to one user; the mail itself is only logged in this sample. */
public class Newsletter {
  private static final Logger log = LoggerFactory.getLogger(Newsletter.class);

  private final AccountStore store;
  private final Clock clock;

  public Newsletter(AccountStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Sends the newsletter to {@code user}. Under the agent it runs only when the user (the {@code
   * @DataSubject} id of the argument) has granted the purpose; otherwise the agent skips the body
   * and this returns {@code false}.
   */
  @ProcessingActivity(name = "Newsletter", purposes = Purpose.MARKETING_COMMUNICATIONS_EMAIL)
  @ConsentRequired(value = Purpose.MARKETING_COMMUNICATIONS_EMAIL, onDenied = OnDenied.SKIP)
  public boolean send(User user) throws SQLException {
    log.info("sending newsletter to {}", user);
    store.recordDelivery(new NewsletterDelivery(user.id(), user.email(), clock.instant()));
    return true;
  }
}

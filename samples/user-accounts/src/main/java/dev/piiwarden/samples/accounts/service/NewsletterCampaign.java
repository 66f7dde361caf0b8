package dev.piiwarden.samples.accounts.service;

import dev.piiwarden.annotations.Purpose;
import dev.piiwarden.api.PrivacyContext;
import dev.piiwarden.samples.accounts.model.User;
import dev.piiwarden.samples.accounts.store.AccountStore;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /newsletter/send}: offers the newsletter to every user and counts who got it.
 *
 * <p>With the agent attached, consent is the agent's business: {@link Newsletter#send} is called
 * for everyone and the agent skips those without consent (audited in the trail). Without the
 * agent nothing enforces {@code @ConsentRequired}, so the campaign asks the ledger itself before
 * each send rather than mail people who did not agree.
 */
public final class NewsletterCampaign {
  private static final Logger log = LoggerFactory.getLogger(NewsletterCampaign.class);

  /** Counts of one run; {@code enforcedBy} is {@code agent} or {@code application}. */
  public record Result(int sent, int skipped, String enforcedBy) {}

  private final AccountStore store;
  private final Newsletter newsletter;
  private final ConsentService consents;
  private final boolean agentEnforces;

  public NewsletterCampaign(AccountStore store, Newsletter newsletter, ConsentService consents, boolean agentEnforces) {
    this.store = store;
    this.newsletter = newsletter;
    this.consents = consents;
    this.agentEnforces = agentEnforces;
  }

  public Result run() throws SQLException {
    int sent = 0;
    int skipped = 0;
    for (User user : store.all()) {
      try (var scope = PrivacyContext.as(user.id()).actor("newsletter-job")) {
        boolean delivered =
            (agentEnforces || consents.isGranted(user.id(), Purpose.MARKETING_COMMUNICATIONS_EMAIL))
                && newsletter.send(user);
        if (delivered) {
          sent++;
        } else {
          skipped++;
          log.info("newsletter not sent to {}: no consent", user.email());
        }
      }
    }
    Result result = new Result(sent, skipped, agentEnforces ? "agent" : "application");
    log.info("newsletter run: {}", result);
    return result;
  }
}

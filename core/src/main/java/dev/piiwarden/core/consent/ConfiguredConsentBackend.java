package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.api.PrivacyContext;
import dev.piiwarden.api.spi.ConsentBackend;
import dev.piiwarden.core.audit.AuditAppender;
import dev.piiwarden.core.audit.AuditException;
import dev.piiwarden.core.audit.AuditTrailOptions;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import dev.piiwarden.core.options.CacheTtlOption;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The ledger {@link dev.piiwarden.api.Consents} uses when the agent is not attached and
 * piiwarden-core is on the class path (registered with {@link java.util.ServiceLoader}). The store
 * is named by {@code piiwarden.consent.store} (system property, then environment variable {@code
 * PIIWARDEN_CONSENT_STORE}), {@code memory:} by default; {@code piiwarden.consent.cache-ttl} and
 * {@code piiwarden.taxonomy} are read the same way. Grants and withdrawals are checked with {@link
 * ConsentChangeArguments}, against the taxonomy and its extension.
 *
 * <p>With {@code piiwarden.audit.sink} set (and not {@code none}), each grant and withdrawal is
 * recorded there as {@code consent.changed}, as the agent and {@code piiwarden consent --audit}
 * record it, with the key of {@code piiwarden.audit.key-file} (default as for the agent) and the
 * actor of the calling thread's {@link PrivacyContext}: the trail is opened before the change, so
 * one that cannot be written changes nothing.
 */
public final class ConfiguredConsentBackend implements ConsentBackend {
  private final ConsentLedger ledger;
  private final ConsentChangeArguments arguments;
  /** The trail each change is recorded in; null for none. */
  private final AuditTrailOptions audit;

  /** Opens the configured store; a wrong setting fails here, naming the option. */
  public ConfiguredConsentBackend() {
    String store = setting("piiwarden.consent.store", "memory:");
    String ttl = setting("piiwarden.consent.cache-ttl", "PT5S");
    Duration cacheTtl;
    try {
      cacheTtl = CacheTtlOption.parse(ttl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "piiwarden.consent.cache-ttl: " + e.getMessage() + "; allowed: " + CacheTtlOption.ALLOWED, e);
    }
    String extension = setting("piiwarden.taxonomy", "");
    Taxonomy taxonomy;
    try {
      taxonomy = Taxonomy.load(extension.isEmpty() ? null : Path.of(extension));
    } catch (TaxonomyException | InvalidPathException e) {
      throw new IllegalArgumentException("piiwarden.taxonomy: " + e.getMessage(), e);
    }
    this.arguments = new ConsentChangeArguments(taxonomy);
    String sink = setting("piiwarden.audit.sink", "none");
    String keyFile = setting("piiwarden.audit.key-file", "");
    this.audit = sink.equals("none") || sink.equals("none:") ? null
        : AuditTrailOptions.defaults().sink(sink).keyFile(keyFile.isEmpty() ? null : Path.of(keyFile))
            .problems(problem -> System.err.println("piiwarden: " + problem));
    this.ledger =
        new ConsentLedger(
            ConsentStoreUri.open(store, System.err::println),
            extension.isEmpty() ? PurposeLineage.dotted() : PurposeLineage.of(taxonomy),
            cacheTtl,
            Clock.systemUTC());
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  @Override
  public ConsentRecord grant(String subject, String purpose, String source) {
    arguments.check(subject, purpose, source);
    return audited(subject, purpose, ConsentChangeEvents.GRANTED, source,
        () -> ledger.grant(subject, purpose, source));
  }

  @Override
  public ConsentRecord withdraw(String subject, String purpose, String source) {
    arguments.check(subject, purpose, source);
    return audited(subject, purpose, ConsentChangeEvents.WITHDRAWN, source,
        () -> ledger.withdraw(subject, purpose, source));
  }

  /**
   * Makes the change and records it in the configured trail, which is opened first.
   *
   * @throws IllegalStateException when the trail cannot be opened (nothing changed) or written
   *     (the change stands); the message says which
   */
  private ConsentRecord audited(String subject, String purpose, String state, String source,
      Supplier<ConsentRecord> change) {
    if (audit == null) {
      return change.get();
    }
    AuditAppender trail;
    try {
      trail = AuditAppender.open(audit);
    } catch (AuditException e) {
      throw new IllegalStateException("piiwarden.audit.sink: " + e.getMessage()
          + "; the consent change was not made", e);
    }
    try (trail) {
      ConsentRecord record = change.get();
      try {
        trail.append(ConsentChangeEvents.changed(trail.pseudonymizer(), subject,
            PrivacyContext.currentActor().orElse(null), purpose, state, source, record.time()));
      } catch (AuditException e) {
        throw new IllegalStateException("piiwarden.audit.sink: " + e.getMessage() + "; the consent"
            + " change is in the ledger, its consent.changed event is not in the trail", e);
      }
      return record;
    }
  }

  @Override
  public boolean isGranted(String subject, String purpose) {
    return ledger.isGranted(subject, purpose);
  }

  @Override
  public List<ConsentRecord> history(String subject) {
    return ledger.history(subject);
  }
}

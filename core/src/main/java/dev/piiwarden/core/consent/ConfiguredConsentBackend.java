package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.api.spi.ConsentBackend;
import dev.piiwarden.core.options.CacheTtlOption;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The ledger {@link dev.piiwarden.api.Consents} uses when the agent is not attached and
 * piiwarden-core is on the class path (registered with {@link java.util.ServiceLoader}). The store
 * is named by {@code piiwarden.consent.store} (system property, then environment variable {@code
 * PIIWARDEN_CONSENT_STORE}), {@code memory:} by default; {@code piiwarden.consent.cache-ttl} and
 * {@code piiwarden.taxonomy} are read the same way. Grants and withdrawals are checked with {@link
 * ConsentChangeArguments}, against the taxonomy and its extension.
 */
public final class ConfiguredConsentBackend implements ConsentBackend {
  private final ConsentLedger ledger;
  private final ConsentChangeArguments arguments;

  /** Opens the configured store; a wrong setting fails here, naming the option. */
  public ConfiguredConsentBackend() {
    String store = setting("piiwarden.consent.store", "memory:");
    String ttl = setting("piiwarden.consent.cache-ttl", "PT5S");
    Duration cacheTtl;
    try {
      cacheTtl = CacheTtlOption.parse(ttl);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "piiwarden.consent.cache-ttl: " + e.getMessage() + "; allowed: e.g. PT5S", e);
    }
    String extension = setting("piiwarden.taxonomy", "");
    Taxonomy taxonomy;
    try {
      taxonomy = Taxonomy.load(extension.isEmpty() ? null : Path.of(extension));
    } catch (TaxonomyException | InvalidPathException e) {
      throw new IllegalArgumentException("piiwarden.taxonomy: " + e.getMessage(), e);
    }
    this.arguments = new ConsentChangeArguments(taxonomy);
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
    return ledger.grant(subject, purpose, source);
  }

  @Override
  public ConsentRecord withdraw(String subject, String purpose, String source) {
    arguments.check(subject, purpose, source);
    return ledger.withdraw(subject, purpose, source);
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

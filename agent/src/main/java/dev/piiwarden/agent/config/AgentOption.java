package dev.piiwarden.agent.config;

import dev.piiwarden.core.consent.ConsentStoreUri;
import dev.piiwarden.core.options.CacheTtlOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Every option of SPEC §6: its name, default, what is allowed and how a value is checked. Options
 * that later parts of the agent implement (redaction, audit) are validated here already, so a
 * wrong value stops the JVM today rather than being ignored.
 */
public enum AgentOption {
  ENABLED("piiwarden.enabled", "true", "true, false", Check.ONE_OF),
  CONSENT_MODE("piiwarden.consent.mode", "enforce", "enforce, monitor", Check.ONE_OF),
  CONSENT_STORE("piiwarden.consent.store", "memory:", ConsentStoreUri.ALLOWED, Check.CONSENT_STORE),
  CONSENT_ON_STORE_ERROR("piiwarden.consent.on-store-error", "deny", "deny, allow", Check.ONE_OF),
  CONSENT_CACHE_TTL("piiwarden.consent.cache-ttl", "PT5S", CacheTtlOption.ALLOWED, Check.DURATION),
  REDACTION_ENABLED("piiwarden.redaction.enabled", "true", "true, false", Check.ONE_OF),
  REDACTION_DETECTORS("piiwarden.redaction.detectors", "all", "all or a list of email, phone, card, iban, ip, ssn, credential", Check.DETECTORS),
  REDACTION_STYLE("piiwarden.redaction.style", "mask", "mask, hash", Check.ONE_OF),
  REDACTION_KEYS("piiwarden.redaction.keys", "", "a comma-separated list of key names", Check.NAMES),
  REDACTION_PATTERNS("piiwarden.redaction.patterns", "", "comma-separated regular expressions without backreferences or lookaround", Check.PATTERNS),
  REDACTION_STDOUT("piiwarden.redaction.stdout", "false", "true, false", Check.ONE_OF),
  REDACTION_ACCESS_LOGS("piiwarden.redaction.access-logs", "true", "true, false", Check.ONE_OF),
  AUDIT_SINK("piiwarden.audit.sink", "jsonl:piiwarden-audit.jsonl", "jsonl:<path>, slf4j:<logger>, jdbc:<url>, otlp:<http endpoint>, none", Check.AUDIT_SINK),
  AUDIT_KEY_FILE("piiwarden.audit.key-file", "", "a file path", Check.PATH),
  AUDIT_OVERFLOW("piiwarden.audit.overflow", "block", "block, drop", Check.ONE_OF),
  AUDIT_ACCESS("piiwarden.audit.access", "annotated", "annotated, all, none", Check.ONE_OF),
  TAXONOMY("piiwarden.taxonomy", "", "a readable taxonomy extension file", Check.TAXONOMY),
  CONFIG_FILE("piiwarden.config-file", "", "a readable properties file", Check.READABLE_FILE);

  /**
   * How a value is checked ({@link OptionChecks}). Data rather than lambdas: a lambda would spin a
   * class through {@code java.lang.invoke} at every JVM start, before {@code main}.
   */
  enum Check {
    /** One of the comma-separated words of {@link #allowed}. */
    ONE_OF,
    CONSENT_STORE,
    DURATION,
    DETECTORS,
    NAMES,
    PATTERNS,
    AUDIT_SINK,
    PATH,
    READABLE_FILE,
    /** A readable file that core loads as a taxonomy extension. */
    TAXONOMY
  }

  private final String key;
  private final String defaultValue;
  private final String allowed;
  private final Check check;

  AgentOption(String key, String defaultValue, String allowed, Check check) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.allowed = allowed;
    this.check = check;
  }

  /** Whether the value is a comma-separated list, whose own check judges an empty element. */
  boolean isList() {
    return check == Check.DETECTORS || check == Check.NAMES || check == Check.PATTERNS;
  }

  /** The option's name, e.g. {@code piiwarden.consent.cache-ttl}. */
  public String key() {
    return key;
  }

  /** The environment variable, e.g. {@code PIIWARDEN_CONSENT_CACHE_TTL}. */
  public String environmentName() {
    return environmentName(key);
  }

  static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  String defaultValue() {
    return defaultValue;
  }

  String allowed() {
    return allowed;
  }

  Optional<String> problem(String value) {
    if (value.isEmpty() && defaultValue.isEmpty()) {
      return Optional.empty();
    }
    return OptionChecks.problem(check, value, allowed);
  }

  /** The option named {@code key}, if there is one. */
  static Optional<AgentOption> byKey(String key) {
    for (AgentOption option : values()) {
      if (option.key.equals(key)) {
        return Optional.of(option);
      }
    }
    return Optional.empty();
  }
}

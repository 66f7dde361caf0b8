package dev.piiwarden.agent.config;

/**
 * The options that say where data is kept: the consent store, the audit sink and its key file. An
 * unknown name closest to one of them is a configuration error rather than a warning, as starting
 * with that option's default would keep consent records in memory (lost at restart), or write the
 * trail or its key somewhere else than meant, with nothing but a line on stderr to say so.
 */
final class MisspeltDataOption {
  private MisspeltDataOption() {}

  static boolean holdsData(AgentOption option) {
    return option == AgentOption.CONSENT_STORE
        || option == AgentOption.AUDIT_SINK
        || option == AgentOption.AUDIT_KEY_FILE;
  }

  /** What its default would do instead, for the configuration error's line. */
  static String consequence(AgentOption option) {
    switch (option) {
      case CONSENT_STORE:
        return "consent would be kept in memory: and lost at restart";
      case AUDIT_SINK:
        return "the audit trail would be written to the default jsonl:piiwarden-audit.jsonl";
      case AUDIT_KEY_FILE:
        return "the audit key would be the default file beside the trail";
      default:
        throw new AssertionError(option);
    }
  }
}

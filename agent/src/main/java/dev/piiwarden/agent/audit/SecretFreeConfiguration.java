package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.core.text.ShownPath;
import dev.piiwarden.core.text.UrlCredentials;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration as {@code agent.started} records it: every option with its effective value,
 * without secrets or personal data, as the trail holds none (SPEC §7). A URL keeps its scheme,
 * host and path; user, password and parameters (where JDBC drivers take credentials) are left
 * out. A file path keeps its folders and file name but for one that is personal data ({@code
 * jsonl:/srv/[REDACTED:email]/audit.jsonl}, core's {@link ShownPath}), and any other value is
 * masked where it looks like personal data ({@code redaction.patterns=[REDACTED:email]}), as the
 * agent's configuration errors quote values. The key file is the one in use, also when none was
 * configured (the default beside the trail), so an auditor can tell which key sealed the trail.
 */
final class SecretFreeConfiguration {
  private SecretFreeConfiguration() {}

  static Map<String, Object> of(AgentConfiguration configuration, String keyFileInUse) {
    Map<String, Object> values = new TreeMap<>();
    for (AgentOption option : AgentOption.values()) {
      values.put(option.key(), shown(option, configuration.get(option)));
    }
    values.put(AgentOption.AUDIT_KEY_FILE.key(), ShownPath.of(keyFileInUse));
    return values;
  }

  private static String shown(AgentOption option, String value) {
    if (value.contains("://") || value.startsWith("jdbc:")) {
      return UrlCredentials.withoutCredentials(value);
    }
    switch (option) {
      case CONSENT_STORE:
      case AUDIT_SINK:
      case AUDIT_KEY_FILE:
      case TAXONOMY:
      case CONFIG_FILE:
        return ShownPath.of(value); // file:, jsonl: and plain paths; memory:, none, slf4j:<logger> too
      default:
        return QuotedValue.shown(value);
    }
  }
}

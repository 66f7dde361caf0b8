package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.core.text.UrlCredentials;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration as {@code agent.started} records it: every option with its effective value,
 * without secrets. A URL keeps its scheme, host and path; user, password and parameters (where
 * JDBC drivers take credentials) are left out. The key file is the one in use, also when none was
 * configured (the default beside the trail), so an auditor can tell which key sealed the trail.
 */
final class SecretFreeConfiguration {
  private SecretFreeConfiguration() {}

  static Map<String, Object> of(AgentConfiguration configuration, String keyFileInUse) {
    Map<String, Object> values = new TreeMap<>();
    for (AgentOption option : AgentOption.values()) {
      values.put(option.key(), withoutCredentials(configuration.get(option)));
    }
    values.put(AgentOption.AUDIT_KEY_FILE.key(), keyFileInUse);
    return values;
  }

  static String withoutCredentials(String value) {
    if (!value.contains("://") && !value.startsWith("jdbc:")) {
      return value;
    }
    return UrlCredentials.withoutCredentials(value);
  }
}

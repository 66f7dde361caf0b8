package dev.piiwarden.agent.audit;

import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.core.text.UrlCredentials;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration as {@code agent.started} records it: every option with its effective value,
 * without secrets. A URL keeps its scheme, host and path; user, password and parameters (where
 * JDBC drivers take credentials) are left out.
 */
final class SecretFreeConfiguration {
  private SecretFreeConfiguration() {}

  static Map<String, Object> of(AgentConfiguration configuration) {
    Map<String, Object> values = new TreeMap<>();
    for (AgentOption option : AgentOption.values()) {
      values.put(option.key(), withoutCredentials(configuration.get(option)));
    }
    return values;
  }

  static String withoutCredentials(String value) {
    if (!value.contains("://") && !value.startsWith("jdbc:")) {
      return value;
    }
    return UrlCredentials.withoutCredentials(value);
  }
}

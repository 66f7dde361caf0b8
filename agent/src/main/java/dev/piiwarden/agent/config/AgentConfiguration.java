package dev.piiwarden.agent.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The options the agent runs with, every one validated. */
public final class AgentConfiguration {
  private final Map<AgentOption, String> values;

  AgentConfiguration(Map<AgentOption, String> values) {
    this.values = new EnumMap<>(values);
  }

  /** Whether both have the same value for every option (a default and the same value given alike). */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof AgentConfiguration that)) {
      return false;
    }
    for (AgentOption option : AgentOption.values()) {
      if (!get(option).equals(that.get(option))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 1;
    for (AgentOption option : AgentOption.values()) {
      hash = 31 * hash + get(option).hashCode();
    }
    return hash;
  }

  /** The value of {@code option}: given or default, never null. */
  public String get(AgentOption option) {
    return values.getOrDefault(option, option.defaultValue());
  }

  /** Whether the agent instruments at all. */
  public boolean enabled() {
    return Boolean.parseBoolean(get(AgentOption.ENABLED));
  }

  /** Monitor mode: decisions are made and reported, never enforced. */
  public boolean monitorOnly() {
    return get(AgentOption.CONSENT_MODE).equals("monitor");
  }

  /** Whether a store that cannot answer allows the call. */
  public boolean allowOnStoreError() {
    return get(AgentOption.CONSENT_ON_STORE_ERROR).equals("allow");
  }

  /** How long consent decisions are reused. */
  public Duration cacheTtl() {
    return Duration.parse(get(AgentOption.CONSENT_CACHE_TTL));
  }
}

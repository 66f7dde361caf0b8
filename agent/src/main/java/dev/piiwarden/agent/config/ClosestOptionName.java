package dev.piiwarden.agent.config;

import dev.piiwarden.core.text.EditDistance;
import java.util.Locale;
import java.util.Optional;

/**
 * The known option a mistyped name most likely meant, or none when nothing is close. Names are
 * compared without the {@code piiwarden.} prefix, in lower case, with {@code -} and {@code _} read
 * as {@code .}. The last dotted part weighs most, as that is the part people remember: an option
 * whose last part contains the unknown name's last part ({@code consent.ttl}: {@code
 * consent.cache-ttl}; {@code mode}: {@code consent.mode}) is preferred, the closest whole name
 * (Levenshtein) deciding among several. Otherwise the closest whole name is taken only when at
 * most a third of its characters differ ({@code consnt.mode}), so that {@code foo} gets no
 * suggestion.
 */
final class ClosestOptionName {
  private static final String PREFIX = "piiwarden.";
  /** A last part shorter than this ({@code id}, {@code s}) is in too many names to point at one. */
  private static final int SHORTEST_PART = 3;

  private ClosestOptionName() {}

  /**
   * @param typed the unknown name, a system property or agent argument name ({@code
   *     piiwarden.consent.ttl}) or an environment variable read as one ({@code piiwarden.consent.ttl}
   *     for {@code PIIWARDEN_CONSENT_TTL})
   */
  static Optional<AgentOption> to(String typed) {
    String name = comparable(typed);
    String part = lastPart(typed);
    AgentOption best = null;
    int bestDistance = Integer.MAX_VALUE;
    if (part.length() >= SHORTEST_PART) {
      for (AgentOption option : AgentOption.values()) {
        if (lastPart(option.key()).contains(part)) {
          int distance = EditDistance.between(name, comparable(option.key()));
          if (distance < bestDistance) {
            best = option;
            bestDistance = distance;
          }
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    for (AgentOption option : AgentOption.values()) {
      int distance = EditDistance.between(name, comparable(option.key()));
      if (distance < bestDistance) {
        best = option;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(1, name.length() / 3)
        ? Optional.of(best)
        : Optional.empty();
  }

  private static String comparable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.startsWith(PREFIX)) {
      lower = lower.substring(PREFIX.length());
    }
    return lower.replace('-', '.').replace('_', '.');
  }

  /** The part after the last dot, without {@code -} and {@code _}: {@code cachettl}, {@code keyfile}. */
  private static String lastPart(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.substring(lower.lastIndexOf('.') + 1).replace("-", "").replace("_", "");
  }
}

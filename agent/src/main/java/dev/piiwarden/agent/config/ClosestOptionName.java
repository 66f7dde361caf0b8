package dev.piiwarden.agent.config;

import dev.piiwarden.core.text.EditDistance;

/** The known option whose name is closest (Levenshtein) to a mistyped one. */
final class ClosestOptionName {
  private ClosestOptionName() {}

  static AgentOption to(String typed) {
    AgentOption best = AgentOption.ENABLED;
    int bestDistance = Integer.MAX_VALUE;
    for (AgentOption option : AgentOption.values()) {
      int distance = EditDistance.between(typed, option.key());
      if (distance < bestDistance) {
        best = option;
        bestDistance = distance;
      }
    }
    return best;
  }
}

package dev.piiwarden.core.policy;

import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import java.util.Collection;
import java.util.List;

/**
 * One criterion of a rule: taxonomy keys and how they match ({@code {"matches": "ANY", "values":
 * ["user.financial"]}}). A value covers its descendants: {@code user.financial} matches {@code
 * user.financial.credit_card}; {@code marketing.*} is read as {@code marketing}. For categories,
 * {@code @special} matches every special category (GDPR Art. 9/10) and {@code @sensitive} every
 * sensitive one (CCPA).
 *
 * @param kind the kind of keys
 * @param matches ANY, ALL or NONE
 * @param values the keys, normalised ({@code .*} removed)
 */
public record KeyCriterion(TaxonomyKind kind, Match matches, List<String> values) {
  /** Matches every special category. */
  public static final String SPECIAL = "@special";
  /** Matches every sensitive category. */
  public static final String SENSITIVE = "@sensitive";

  /** Copies the values. */
  public KeyCriterion {
    values = List.copyOf(values);
  }

  /** Whether the keys of what is checked satisfy this criterion. */
  public boolean test(Taxonomy taxonomy, Collection<String> keys) {
    return switch (matches) {
      case ANY -> values.stream().anyMatch(v -> matchesAny(taxonomy, v, keys));
      case ALL -> values.stream().allMatch(v -> matchesAny(taxonomy, v, keys));
      case NONE -> values.stream().noneMatch(v -> matchesAny(taxonomy, v, keys));
    };
  }

  /** Whether one key is matched by some value (for picking the keys a finding is about). */
  public boolean covers(Taxonomy taxonomy, String key) {
    return values.stream().anyMatch(v -> matches(taxonomy, v, key));
  }

  private boolean matchesAny(Taxonomy taxonomy, String value, Collection<String> keys) {
    return keys.stream().anyMatch(k -> matches(taxonomy, value, k));
  }

  private boolean matches(Taxonomy taxonomy, String value, String key) {
    if (kind == TaxonomyKind.CATEGORY && value.equals(SPECIAL)) {
      return taxonomy.isSpecial(key);
    }
    if (kind == TaxonomyKind.CATEGORY && value.equals(SENSITIVE)) {
      return taxonomy.isSensitive(key);
    }
    return taxonomy.covers(kind, value, key);
  }
}

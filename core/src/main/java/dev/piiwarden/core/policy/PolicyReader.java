package dev.piiwarden.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.report.ConfigFields;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.core.text.EditDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a policy from a parsed JSON or YAML tree (the caller parses, so core needs no YAML parser):
 *
 * <pre>
 * name: acme-privacy
 * rules:
 *   - id: no-card-numbers-in-logs
 *     type: deny-sink            # deny-sink, deny-purpose, require-retention, require-basis, require-consent,
 *                                # require-purpose
 *     level: error               # error (default), warning, note
 *     description: Card numbers must never reach a log
 *     categories: {matches: ANY, values: [user.financial]}
 *     sinks: [LOG, CONSOLE]
 * </pre>
 *
 * Everything is checked: unknown fields, unknown keys (with the closest known one), rule types,
 * levels, sink kinds and bases; a mistake never silently turns a rule off.
 */
public final class PolicyReader {
  private static final Set<String> TOP = Set.of("name", "rules");
  private static final Set<String> RULE =
      Set.of("id", "description", "level", "type", "categories", "purposes", "subjects", "sinks", "bases");
  private static final Set<String> CRITERION = Set.of("matches", "values");

  private PolicyReader() {}

  /**
   * The policy in {@code tree}.
   *
   * @param origin the file name, for messages
   * @throws ConfigException with one line naming the file, the rule and the field
   */
  public static Policy read(JsonNode tree, String origin, Taxonomy taxonomy) {
    ConfigFields top = ConfigFields.of(tree, origin, TOP);
    List<JsonNode> nodes = top.objects("rules");
    if (nodes.isEmpty()) {
      throw new ConfigException(origin + ": no rules; add a 'rules' list (see the policy format in the CLI README)");
    }
    List<PolicyRule> rules = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      PolicyRule rule = rule(nodes.get(i), origin + ": rules[" + i + "]", taxonomy);
      Integer first = ids.putIfAbsent(rule.id(), i);
      if (first != null) {
        throw new ConfigException(origin + ": rules[" + i + "]: its id is the id of rules[" + first
            + "] too; give each rule its own id");
      }
      rules.add(rule);
    }
    String name = top.text("name");
    return new Policy(name == null ? origin : name, rules);
  }

  private static PolicyRule rule(JsonNode node, String where, Taxonomy taxonomy) {
    ConfigFields fields = ConfigFields.of(node, where, RULE);
    String id = fields.requiredText("id");
    RuleType type = choice(fields, "type", RuleType.values(), RuleType::id, null);
    Level level = choice(fields, "level", Level.values(), Level::id, Level.ERROR);
    KeyCriterion categories = criterion(fields, "categories", TaxonomyKind.CATEGORY, taxonomy);
    KeyCriterion purposes = criterion(fields, "purposes", TaxonomyKind.PURPOSE, taxonomy);
    KeyCriterion subjects = criterion(fields, "subjects", TaxonomyKind.SUBJECT, taxonomy);
    Set<SinkKind> sinks = EnumSet.noneOf(SinkKind.class);
    List<String> sinkNames = fields.texts("sinks");
    for (int i = 0; i < sinkNames.size(); i++) {
      sinks.add(enumValue(where, place(fields, "sinks", i), sinkNames.get(i), SinkKind.values()));
    }
    Set<LawfulBasis> bases = EnumSet.noneOf(LawfulBasis.class);
    List<String> basisNames = fields.texts("bases");
    for (int i = 0; i < basisNames.size(); i++) {
      bases.add(enumValue(where, place(fields, "bases", i), basisNames.get(i), LawfulBasis.values()));
    }
    switch (type) {
      case DENY_SINK -> {
        need(where, type, "sinks", !sinks.isEmpty());
        need(where, type, "categories", categories != null);
      }
      case DENY_PURPOSE -> {
        need(where, type, "categories", categories != null);
        need(where, type, "purposes", purposes != null);
      }
      case REQUIRE_CONSENT -> need(where, type, "purposes", purposes != null);
      case REQUIRE_PURPOSE -> { } // without criteria: every activity that reads personal data
      default -> need(where, type, "categories", categories != null);
    }
    String description = fields.text("description");
    return new PolicyRule(
        id, description == null ? id : description, level, type, categories, purposes, subjects, sinks, bases);
  }

  private static void need(String where, RuleType type, String field, boolean present) {
    if (!present) {
      throw new ConfigException(where + ": a " + type.id() + " rule needs '" + field + "'; add it");
    }
  }

  private static KeyCriterion criterion(ConfigFields rule, String field, TaxonomyKind kind, Taxonomy taxonomy) {
    JsonNode node = rule.node(field);
    if (node == null) {
      return null;
    }
    String where = rule.where() + ": " + field;
    Match matches = Match.ANY;
    List<String> values;
    ConfigFields list = rule;
    String listField = field;
    if (node.isArray() || node.isValueNode()) {
      values = rule.texts(field); // a bare list means ANY
    } else {
      ConfigFields fields = ConfigFields.of(node, where, CRITERION);
      matches = choice(fields, "matches", Match.values(), m -> m.name(), Match.ANY);
      values = fields.texts("values");
      list = fields;
      listField = "values";
    }
    if (values.isEmpty()) {
      throw new ConfigException(where + ": no values; list the " + kind.plural() + " the rule is about");
    }
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      String key = value.endsWith(".*") ? value.substring(0, value.length() - 2) : value;
      boolean pseudo = kind == TaxonomyKind.CATEGORY
          && (key.equals(KeyCriterion.SPECIAL) || key.equals(KeyCriterion.SENSITIVE));
      if (!pseudo && !taxonomy.contains(kind, key)) {
        String hint = taxonomy.suggest(kind, key).map(s -> "; did you mean '" + s + "'?;").orElse(";");
        String at = list == rule ? place(rule, field, i) : field + "." + place(list, listField, i);
        // The value is echoed when it looks like a key, never when it could be personal data.
        String echo = value.matches("[A-Za-z0-9_.*-]{1,100}") ? " '" + value + "'" : "";
        throw new ConfigException(
            rule.where() + ": " + at + echo + " is not a " + kind.singular() + " of the taxonomy" + hint
                + " use a key of the taxonomy, or pass the taxonomy extension that defines it"
                + (kind == TaxonomyKind.CATEGORY ? ", @special or @sensitive" : ""));
      }
      keys.add(key);
    }
    return new KeyCriterion(kind, matches, keys);
  }

  private static <E> E choice(ConfigFields fields, String field, E[] values, Function<E, String> name, E fallback) {
    String text = fields.text(field);
    if (text == null) {
      if (fallback == null) {
        throw new ConfigException(fields.where() + ": field '" + field + "' is required; pass one of "
            + String.join(", ", Arrays.stream(values).map(name).toList()));
      }
      return fallback;
    }
    for (E value : values) {
      if (name.apply(value).equalsIgnoreCase(text)) {
        return value;
      }
    }
    List<String> names = Arrays.stream(values).map(name).toList();
    String hint = EditDistance.closest(text, names);
    throw new ConfigException(fields.where() + ": " + field + " is unknown"
        + (hint == null ? "" : "; did you mean '" + hint + "'?") + "; pass one of " + String.join(", ", names));
  }

  /** {@code field[i]}, or {@code field} alone when it holds one value rather than a list. */
  private static String place(ConfigFields fields, String field, int index) {
    JsonNode node = fields.node(field);
    return node != null && node.isArray() ? field + "[" + index + "]" : field;
  }

  private static <E extends Enum<E>> E enumValue(String where, String field, String text, E[] values) {
    for (E value : values) {
      if (value.name().equalsIgnoreCase(text)) {
        return value;
      }
    }
    List<String> names = Arrays.stream(values).map(Enum::name).toList();
    String hint = EditDistance.closest(text.toUpperCase(Locale.ROOT), names);
    throw new ConfigException(where + ": " + field + " is unknown"
        + (hint == null ? "" : "; did you mean '" + hint + "'?") + "; pass one of " + String.join(", ", names));
  }
}

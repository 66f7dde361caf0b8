package dev.piiwarden.core.inventory;

import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The taxonomy keys of an inventory that the taxonomy does not know. The processor refuses unknown
 * keys, so they come from a hand-edited inventory file or a taxonomy extension the reader was not
 * given; policy rules on a parent key then silently skip the data, hence a warning.
 */
public final class InventoryKeys {
  // A key is lower-case dotted words; anything else is not repeated (it may be data typed by mistake).
  private static final Pattern KEY = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");

  private InventoryKeys() {}

  /**
   * One line per unknown category, purpose or subject, naming the element or activity and the key,
   * with the closest known key; empty when all are known.
   */
  public static List<String> unknown(Inventory inventory, Taxonomy taxonomy) {
    List<String> problems = new ArrayList<>();
    for (DataElement element : inventory.dataElements()) {
      String owner = "data element " + element.id();
      check(problems, taxonomy, TaxonomyKind.CATEGORY, owner, "category", element.category());
      element.purposes().forEach(p -> check(problems, taxonomy, TaxonomyKind.PURPOSE, owner, "purpose", p));
      check(problems, taxonomy, TaxonomyKind.SUBJECT, owner, "subject", element.subject());
    }
    for (Activity activity : inventory.activities()) {
      activity.purposes().forEach(p -> check(problems, taxonomy, TaxonomyKind.PURPOSE, "activity " + activity.id(),
          "purpose", p));
    }
    return problems;
  }

  private static void check(List<String> problems, Taxonomy taxonomy, TaxonomyKind kind, String owner, String what,
      String key) {
    if (key == null || taxonomy.contains(kind, key)) {
      return;
    }
    if (!KEY.matcher(key).matches()) {
      problems.add(owner + ": " + what + " is not a taxonomy key (lower-case words joined by dots, such as"
          + " user.contact.email); policy rules do not apply to it; correct it");
      return;
    }
    problems.add(owner + ": " + what + " '" + key + "' is not in the taxonomy"
        + taxonomy.suggest(kind, key).map(s -> "; did you mean '" + s + "'?").orElse(";")
        + " Policy rules on its parent keys do not apply to it; correct the key, or pass the taxonomy extension"
        + " that defines it with --taxonomy");
  }
}

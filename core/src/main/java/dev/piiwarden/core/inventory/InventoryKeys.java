package dev.piiwarden.core.inventory;

import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.core.text.QuotedValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The taxonomy keys of an inventory that the taxonomy does not know. The processor refuses unknown
 * keys, so they come from a hand-edited inventory file or a taxonomy extension the reader was not
 * given; policy rules on a parent key then silently skip the data, hence a warning.
 */
public final class InventoryKeys {
  // A key is lower-case dotted words with a letter; anything else is not repeated (it may be data
  // typed by mistake: a bare number can be a phone or account number no detector takes for one).
  private static final Pattern KEY = Pattern.compile("(?=[^a-z]*[a-z])[a-z0-9_]+(\\.[a-z0-9_]+)*");

  private InventoryKeys() {}

  /**
   * One line per unknown category, purpose or subject, naming the element or activity and the key,
   * with the closest known key; empty when all are known. An id shaped like personal data is shown
   * masked ({@link QuotedValue}); a key that is not key-shaped is not repeated.
   */
  public static List<String> unknown(Inventory inventory, Taxonomy taxonomy) {
    List<String> problems = new ArrayList<>();
    for (DataElement element : inventory.dataElements()) {
      String owner = "data element " + QuotedValue.shown(element.id());
      check(problems, taxonomy, TaxonomyKind.CATEGORY, owner, "category", element.category());
      element.purposes().forEach(p -> check(problems, taxonomy, TaxonomyKind.PURPOSE, owner, "purpose", p));
      check(problems, taxonomy, TaxonomyKind.SUBJECT, owner, "subject", element.subject());
    }
    for (Activity activity : inventory.activities()) {
      String owner = "activity " + QuotedValue.shown(activity.id());
      activity.purposes().forEach(p -> check(problems, taxonomy, TaxonomyKind.PURPOSE, owner, "purpose", p));
    }
    return problems;
  }

  private static void check(List<String> problems, Taxonomy taxonomy, TaxonomyKind kind, String owner, String what,
      String key) {
    if (key == null || taxonomy.contains(kind, key)) {
      return;
    }
    if (!KEY.matcher(key).matches() || QuotedValue.of(key).masked()) {
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

package dev.piiwarden.core.consent;

import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import java.util.ArrayList;
import java.util.List;

/** A purpose and its ancestors, the purpose first: what a grant or withdrawal may cover. */
@FunctionalInterface
public interface PurposeLineage {
  /** {@code purpose} followed by its parent, its parent's parent, up to the root. */
  List<String> of(String purpose);

  /**
   * Parents by dotted prefix ({@code marketing.communications.email} → {@code
   * marketing.communications} → {@code marketing}), which is how the fideslang purposes nest; it
   * needs no taxonomy file to be loaded.
   */
  static PurposeLineage dotted() {
    return purpose -> {
      List<String> chain = new ArrayList<>(4);
      for (String current = purpose; current != null; ) {
        chain.add(current);
        int dot = current.lastIndexOf('.');
        current = dot < 0 ? null : current.substring(0, dot);
      }
      return chain;
    };
  }

  /** Parents as a taxonomy declares them, so that an extension's own hierarchy is honoured. */
  static PurposeLineage of(Taxonomy taxonomy) {
    return purpose -> taxonomy.lineage(TaxonomyKind.PURPOSE, purpose);
  }
}

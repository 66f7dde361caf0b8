package dev.piiwarden.core.inventory;

import dev.piiwarden.core.text.QuotedValue;
import java.util.List;

/**
 * What an inventory lacks when some of its classes were compiled without the method-body analysis
 * ({@link Inventory#withoutBodyAnalysis()}), in the one sentence the CLI, the Maven plugin and the
 * records of processing all give.
 */
public final class UnanalysedTypes {
  private static final int SHOWN = 3;

  private UnanalysedTypes() {}

  /**
   * The sentence naming the first classes of {@code types} and what is missing because of them, or
   * null when {@code types} is empty. A name shaped like personal data (a hand-edited inventory) is
   * shown masked ({@link QuotedValue}), as ids are in the other warnings.
   */
  public static String sentence(List<String> types) {
    if (types.isEmpty()) {
      return null;
    }
    List<String> first = types.subList(0, Math.min(SHOWN, types.size())).stream().map(QuotedValue::shown).toList();
    String shown = String.join(", ", first)
        + (types.size() > SHOWN ? " and " + (types.size() - SHOWN) + " more" : "");
    return (types.size() == 1 ? "1 class was" : types.size() + " classes were")
        + " compiled without piiwarden-processor's method-body analysis (" + shown + "), so what their methods"
        + " read and where they send it (reads, sinks, flows, recipients) is missing from this inventory;"
        + " compile them with javac, with piiwarden.flow on and without -proc:only (Kotlin classes cannot"
        + " be: kapt hands processors stubs without bodies)";
  }
}

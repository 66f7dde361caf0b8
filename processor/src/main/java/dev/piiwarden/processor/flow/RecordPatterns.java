package dev.piiwarden.processor.flow;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Record patterns ({@code case Card(var pan, _)}), Java 21 and later, read through the API of the
 * compiler that runs the processor: {@code DeconstructionPatternTree} is missing from JDK 17, so a
 * pattern is known by its kind's name and its parts are what a plain {@link TreeScanner} visits.
 */
final class RecordPatterns {
  private RecordPatterns() {}

  /** Whether {@code tree} is a record pattern. */
  static boolean isRecordPattern(Tree tree) {
    return tree != null && tree.getKind().name().equals("DECONSTRUCTION_PATTERN");
  }

  /**
   * The parts of a record pattern in source order: the record type, then one nested pattern per
   * component ({@code _} included).
   */
  static List<Tree> parts(Tree recordPattern) {
    List<Tree> parts = new ArrayList<>();
    recordPattern.accept(new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree != null) {
          parts.add(tree); // a direct part: not descended into
        }
        return null;
      }
    }, null);
    return parts;
  }
}

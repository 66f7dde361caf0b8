package dev.piiwarden.core.consent;

import java.util.function.Consumer;

/**
 * The warnings of one read of a {@code file:} ledger: one line for all its damaged lines and one
 * for its cut-off ones, however many there are (binary data in a ledger is thousands of lines).
 */
final class DamageReport {
  private long damaged;
  private long firstDamaged;
  private long lastDamaged;
  private String firstProblem;
  private boolean anyUnattributed;
  private long torn;
  private long firstTorn;

  void damaged(long line, boolean attributed, String problem) {
    if (damaged++ == 0) {
      firstDamaged = line;
      firstProblem = problem;
    }
    lastDamaged = line;
    anyUnattributed |= !attributed;
  }

  void torn(long line) {
    if (torn++ == 0) {
      firstTorn = line;
    }
  }

  void emit(Consumer<String> warnings, String store) {
    if (damaged > 0) {
      String lines = damaged == 1
          ? "line " + firstDamaged + " is damaged (" + firstProblem + ")"
          : damaged + " lines from line " + firstDamaged + " to line " + lastDamaged
              + " are damaged (the first: " + firstProblem + ")";
      String effect = anyUnattributed
          ? "no subject's consent can be decided until the store is repaired"
          : "the consent of the subjects they are about cannot be decided until they are repaired";
      if (damaged == 1 && !anyUnattributed) {
        effect = "the consent of the subject it is about cannot be decided until it is repaired";
      }
      warnings.accept("piiwarden: consent store " + store + ": " + lines + "; " + effect
          + " (decisions follow on-store-error); " + LedgerDamage.REPAIR);
    }
    if (torn == 1) {
      warnings.accept("piiwarden: consent store " + store + ": line " + firstTorn
          + " is incomplete (a torn write) and is skipped");
    } else if (torn > 1) {
      warnings.accept("piiwarden: consent store " + store + ": " + torn + " lines from line "
          + firstTorn + " are incomplete (torn writes) and are skipped");
    }
  }
}

package dev.piiwarden.core.consent;

import java.util.HashMap;
import java.util.Map;

/**
 * The damaged lines of a {@code file:} ledger, and what they make unreadable. A line that is not a
 * record may have been a withdrawal: skipping it would let an earlier grant count again, so damage
 * fails closed. A damaged line whose subject can still be read makes that subject's records
 * unreadable; one whose subject cannot be read makes every subject's records unreadable. Reading
 * such records fails with a {@link ConsentStoreException}, which enforcement treats as a store
 * that cannot answer ({@code on-store-error}, deny by default). Messages give line numbers, never
 * a subject id.
 */
final class LedgerDamage {
  /** Where the operator reads how to repair a ledger. */
  static final String REPAIR =
      "repair or remove the line (see \"A damaged file: ledger\" in the core README)";

  private final String store;
  private final Map<String, Long> firstBySubject = new HashMap<>();
  private long firstUnattributed;

  LedgerDamage(String store) {
    this.store = store;
  }

  /** A damaged line; {@code subject} is the one it names, or null when that cannot be read. */
  void add(String subject, long line) {
    if (subject == null) {
      if (firstUnattributed == 0) {
        firstUnattributed = line;
      }
    } else {
      firstBySubject.putIfAbsent(subject, line);
    }
  }

  boolean any() {
    return firstUnattributed != 0 || !firstBySubject.isEmpty();
  }

  void clear() {
    firstBySubject.clear();
    firstUnattributed = 0;
  }

  /**
   * Fails when damage makes {@code subject}'s records unreadable.
   *
   * @throws ConsentStoreDamagedException naming the first damaged line that stands in the way
   */
  void check(String subject) {
    if (firstUnattributed != 0) {
      throw new ConsentStoreDamagedException("cannot read consent store " + store + ": line "
          + firstUnattributed + " is damaged and the subject it is about cannot be read, so no"
          + " subject's consent can be decided until it is repaired; " + REPAIR);
    }
    Long line = firstBySubject.get(subject);
    if (line != null) {
      throw new ConsentStoreDamagedException("cannot read consent store " + store + ": line " + line
          + ", a record about this subject, is damaged, so this subject's consent cannot be"
          + " decided until it is repaired; " + REPAIR);
    }
  }
}

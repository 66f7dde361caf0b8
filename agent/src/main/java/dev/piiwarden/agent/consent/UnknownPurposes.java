package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.core.taxonomy.UnknownKey;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Says once per method, at its first call, which purposes of its {@code @ConsentRequired} are no
 * purpose key of the taxonomy (the built-in one, extended by {@code piiwarden.taxonomy}): {@code
 * Consents.grant} refuses such a purpose, so no call of the method can ever be granted, and without
 * this line it would look like consent nobody gave. The call is decided as any other (fail closed:
 * {@code NOT_GRANTED}); the processor reports the key at compile time (PW002). Checked at the first
 * call rather than when the class loads, so that the taxonomy is read when consent is first needed,
 * not while the application starts.
 */
public final class UnknownPurposes {
  private final Supplier<Taxonomy> taxonomy;
  private final Set<String> checked = ConcurrentHashMap.newKeySet();
  /**
   * By rule id, the rules whose method was called: every consent check asks, so an index, not a
   * look-up by name. A stale {@code false} only sends a call to {@link #checked}, which says once.
   */
  private volatile boolean[] called = new boolean[0];

  /** @param taxonomy the purposes that may be granted, read on first use */
  public UnknownPurposes(Supplier<Taxonomy> taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * Reports the unknown purposes of {@code rule}, number {@code id}, if this is the first call of
   * its method (a method whose class was transformed again has another number: {@link #checked});
   * never throws.
   */
  void firstCall(int id, ConsentRule rule) {
    boolean[] known = called;
    if (id < known.length && known[id]) {
      return;
    }
    markCalled(id);
    if (!checked.add(rule.activity())) {
      return;
    }
    try {
      Taxonomy keys = taxonomy.get();
      StringBuilder unknown = new StringBuilder();
      int count = 0;
      for (String purpose : rule.purposes()) {
        if (!keys.contains(TaxonomyKind.PURPOSE, purpose)) {
          UnknownKey shown = UnknownKey.of(keys, TaxonomyKind.PURPOSE, purpose);
          unknown.append(count++ == 0 ? "" : ", ").append('\'').append(shown.shown()).append('\'')
              .append(shown.hint());
        }
      }
      if (count > 0) {
        AgentReport.once("unknown-purpose:" + rule.activity(), "@ConsentRequired on " + rule.activity()
            + " names " + (count == 1 ? "purpose " : "purposes ") + unknown + ", which "
            + (count == 1 ? "is no purpose key" : "are no purpose keys") + " of the taxonomy: Consents.grant"
            + " refuses " + (count == 1 ? "it" : "them") + ", so no call can be granted and each is decided "
            + "NOT_GRANTED; " + (count == 1 ? "correct the purpose, or add it" : "correct the purposes, or add them")
            + " to the taxonomy extension named by piiwarden.taxonomy");
      }
    } catch (RuntimeException | LinkageError unreadable) {
      // a taxonomy that cannot be read fails the ledger too, which reports it
    }
  }

  private synchronized void markCalled(int id) {
    boolean[] grown = id < called.length ? called : Arrays.copyOf(called, Math.max(id + 1, 2 * called.length));
    grown[id] = true;
    called = grown;
  }
}

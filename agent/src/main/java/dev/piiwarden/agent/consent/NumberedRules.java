package dev.piiwarden.agent.consent;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Rules by the number the call inserted into an instrumented method carries: consent rules, and
 * the access rules of {@code piiwarden.audit.access=all}. Numbers are handed out while classes are
 * transformed and read on every call, so reads take no lock.
 *
 * @param <R> the kind of rule
 */
public final class NumberedRules<R> {
  private volatile AtomicReferenceArray<R> rules = new AtomicReferenceArray<>(256);
  private int next;

  /** Stores a rule and returns its number. */
  public synchronized int register(R rule) {
    int id = next++;
    AtomicReferenceArray<R> current = rules;
    if (id >= current.length()) {
      AtomicReferenceArray<R> grown = new AtomicReferenceArray<>(current.length() * 2);
      for (int i = 0; i < current.length(); i++) {
        grown.set(i, current.get(i));
      }
      rules = grown;
      current = grown;
    }
    current.set(id, rule);
    return id;
  }

  /** The rule numbered {@code id}, or null. */
  public R get(int id) {
    AtomicReferenceArray<R> current = rules;
    return id >= 0 && id < current.length() ? current.get(id) : null;
  }
}

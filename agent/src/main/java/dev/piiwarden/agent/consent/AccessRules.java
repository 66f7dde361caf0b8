package dev.piiwarden.agent.consent;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The rules of every access-audited method, by the number its inserted call carries. Numbers are
 * handed out while classes are transformed and read on every call, so reads take no lock.
 */
public final class AccessRules {
  private volatile AtomicReferenceArray<AccessRule> rules = new AtomicReferenceArray<>(256);
  private int next;

  /** Stores a rule and returns its number. */
  public synchronized int register(AccessRule rule) {
    int id = next++;
    AtomicReferenceArray<AccessRule> current = rules;
    if (id >= current.length()) {
      AtomicReferenceArray<AccessRule> grown = new AtomicReferenceArray<>(current.length() * 2);
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
  public AccessRule get(int id) {
    AtomicReferenceArray<AccessRule> current = rules;
    return id >= 0 && id < current.length() ? current.get(id) : null;
  }
}

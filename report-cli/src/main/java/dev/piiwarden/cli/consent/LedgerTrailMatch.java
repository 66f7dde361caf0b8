package dev.piiwarden.cli.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pairs the ledger's records with the trail's {@code consent.changed} events. An event with
 * {@code recorded} pairs with the record of its pseudonym, purpose, state and that exact time.
 * An event written before events carried {@code recorded} pairs loosely: with the first record
 * left of its pseudonym, purpose and state whose time is within {@link #LOOSE_WINDOW} of the
 * event's {@code ts}. Exact pairs are made first, so a loose one never takes a record an exact
 * event names.
 *
 * <p>The last record in ledger order decides, so order is part of what must match: per subject
 * and purpose, the paired records must come in the order of their events' seq. Lines moved out of
 * that order (a grant put after the withdrawal that followed it) revive or withdraw a consent
 * while every record still has its event.
 */
final class LedgerTrailMatch {
  /** How far an old event's {@code ts} may be from its record's time. */
  static final Duration LOOSE_WINDOW = Duration.ofSeconds(5);

  /** A ledger record, its subject pseudonymised with the trail's key. */
  record Entry(long line, String pseudonym, String purpose, String state, Instant time) {}

  /**
   * A {@code consent.changed} event.
   *
   * @param where {@code file:line: seq N}
   * @param seq the event's seq, which orders the trail
   * @param recorded the record's time it names, or null for an event written without it
   * @param ts the event's own time, or null when it cannot be read
   * @param unreadable whether {@code recorded} is there but is no instant: it pairs with nothing
   */
  record Event(String where, long seq, String pseudonym, String purpose, String state,
      Instant recorded, Instant ts, boolean unreadable) {}

  /**
   * The paired records of one subject and purpose that are not in the order of their events.
   *
   * @param moved the records whose place in the ledger is not their event's place in the trail,
   *     in ledger order
   * @param seqs the seq of each one's event, in the same order
   * @param ledgerDecides the state of the subject and purpose's last record in ledger order
   * @param trailDecides the state of the record whose event is the last in the trail
   */
  record OutOfOrder(List<Entry> moved, List<Long> seqs, String ledgerDecides,
      String trailDecides) {}

  /**
   * The outcome.
   *
   * @param exact events paired by {@code recorded}
   * @param loose events without {@code recorded} paired by time
   * @param notInTrail records no event names, in ledger order
   * @param notInLedger events that name no record, in trail order
   * @param outOfOrder per subject and purpose, paired records out of their events' order, in
   *     ledger order of their first moved record
   */
  record Result(int exact, int loose, List<Entry> notInTrail, List<Event> notInLedger,
      List<OutOfOrder> outOfOrder) {
    boolean allMatch() {
      return notInTrail.isEmpty() && notInLedger.isEmpty() && outOfOrder.isEmpty();
    }
  }

  private record Key(String pseudonym, String purpose, String state, Instant time) {}

  private record Kind(String pseudonym, String purpose, String state) {}

  private record Consent(String pseudonym, String purpose) {}

  private LedgerTrailMatch() {}

  static Result of(List<Entry> ledger, List<Event> trail) {
    Map<Key, ArrayDeque<Entry>> byTime = new HashMap<>();
    for (Entry entry : ledger) {
      byTime.computeIfAbsent(new Key(entry.pseudonym(), entry.purpose(), entry.state(), entry.time()),
          k -> new ArrayDeque<>()).add(entry);
    }
    Map<Entry, Event> paired = new HashMap<>();
    Set<Event> unpaired = new HashSet<>();
    List<Event> old = new ArrayList<>();
    int exact = 0;
    for (Event event : trail) {
      if (event.recorded() == null && !event.unreadable()) {
        old.add(event);
        continue;
      }
      ArrayDeque<Entry> same = event.unreadable() ? null : byTime.get(
          new Key(event.pseudonym(), event.purpose(), event.state(), event.recorded()));
      Entry entry = same == null ? null : same.poll();
      if (entry == null) {
        unpaired.add(event);
      } else {
        paired.put(entry, event);
        exact++;
      }
    }
    int loose = 0;
    if (!old.isEmpty()) {
      Map<Kind, List<Entry>> byKind = new HashMap<>();
      for (Entry entry : ledger) {
        if (!paired.containsKey(entry)) {
          byKind.computeIfAbsent(new Kind(entry.pseudonym(), entry.purpose(), entry.state()),
              k -> new ArrayList<>()).add(entry);
        }
      }
      for (Event event : old) {
        Entry found = null;
        if (event.ts() != null) {
          for (Entry entry : byKind.getOrDefault(
              new Kind(event.pseudonym(), event.purpose(), event.state()), List.of())) {
            if (!paired.containsKey(entry)
                && Duration.between(entry.time(), event.ts()).abs().compareTo(LOOSE_WINDOW) <= 0) {
              found = entry;
              break;
            }
          }
        }
        if (found == null) {
          unpaired.add(event);
        } else {
          paired.put(found, event);
          loose++;
        }
      }
    }
    List<Event> notInLedger = trail.stream().filter(unpaired::contains).toList();
    List<Entry> notInTrail = ledger.stream().filter(entry -> !paired.containsKey(entry)).toList();
    return new Result(exact, loose, notInTrail, notInLedger, outOfOrder(ledger, paired));
  }

  /** Per subject and purpose, the paired records whose ledger order is not their events' order. */
  private static List<OutOfOrder> outOfOrder(List<Entry> ledger, Map<Entry, Event> paired) {
    Map<Consent, List<Entry>> byConsent = new LinkedHashMap<>();
    Map<Consent, Entry> lastInLedger = new HashMap<>();
    for (Entry entry : ledger) {
      Consent consent = new Consent(entry.pseudonym(), entry.purpose());
      lastInLedger.put(consent, entry);
      if (paired.containsKey(entry)) {
        byConsent.computeIfAbsent(consent, k -> new ArrayList<>()).add(entry);
      }
    }
    List<OutOfOrder> found = new ArrayList<>();
    for (Map.Entry<Consent, List<Entry>> group : byConsent.entrySet()) {
      List<Entry> inLedger = group.getValue();
      List<Entry> inTrail = new ArrayList<>(inLedger);
      inTrail.sort(Comparator.comparingLong(entry -> paired.get(entry).seq()));
      List<Entry> moved = new ArrayList<>();
      for (int i = 0; i < inLedger.size(); i++) {
        if (inLedger.get(i) != inTrail.get(i)) {
          moved.add(inLedger.get(i));
        }
      }
      if (!moved.isEmpty()) {
        found.add(new OutOfOrder(moved, moved.stream().map(entry -> paired.get(entry).seq()).toList(),
            lastInLedger.get(group.getKey()).state(), inTrail.get(inTrail.size() - 1).state()));
      }
    }
    found.sort(Comparator.comparingLong(group -> group.moved().get(0).line()));
    return found;
  }
}

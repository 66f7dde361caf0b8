package dev.piiwarden.cli.consent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
   * @param recorded the record's time it names, or null for an event written without it
   * @param ts the event's own time, or null when it cannot be read
   * @param unreadable whether {@code recorded} is there but is no instant: it pairs with nothing
   */
  record Event(String where, String pseudonym, String purpose, String state, Instant recorded,
      Instant ts, boolean unreadable) {}

  /**
   * The outcome.
   *
   * @param exact events paired by {@code recorded}
   * @param loose events without {@code recorded} paired by time
   * @param notInTrail records no event names, in ledger order
   * @param notInLedger events that name no record, in trail order
   */
  record Result(int exact, int loose, List<Entry> notInTrail, List<Event> notInLedger) {
    boolean allMatch() {
      return notInTrail.isEmpty() && notInLedger.isEmpty();
    }
  }

  private record Key(String pseudonym, String purpose, String state, Instant time) {}

  private record Kind(String pseudonym, String purpose, String state) {}

  private LedgerTrailMatch() {}

  static Result of(List<Entry> ledger, List<Event> trail) {
    Map<Key, ArrayDeque<Entry>> byTime = new HashMap<>();
    for (Entry entry : ledger) {
      byTime.computeIfAbsent(new Key(entry.pseudonym(), entry.purpose(), entry.state(), entry.time()),
          k -> new ArrayDeque<>()).add(entry);
    }
    Set<Entry> paired = new HashSet<>();
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
        paired.add(entry);
        exact++;
      }
    }
    int loose = 0;
    if (!old.isEmpty()) {
      Map<Kind, List<Entry>> byKind = new HashMap<>();
      for (Entry entry : ledger) {
        if (!paired.contains(entry)) {
          byKind.computeIfAbsent(new Kind(entry.pseudonym(), entry.purpose(), entry.state()),
              k -> new ArrayList<>()).add(entry);
        }
      }
      for (Event event : old) {
        Entry found = null;
        if (event.ts() != null) {
          for (Entry entry : byKind.getOrDefault(
              new Kind(event.pseudonym(), event.purpose(), event.state()), List.of())) {
            if (!paired.contains(entry)
                && Duration.between(entry.time(), event.ts()).abs().compareTo(LOOSE_WINDOW) <= 0) {
              found = entry;
              break;
            }
          }
        }
        if (found == null) {
          unpaired.add(event);
        } else {
          paired.add(found);
          loose++;
        }
      }
    }
    List<Event> notInLedger = trail.stream().filter(unpaired::contains).toList();
    List<Entry> notInTrail = ledger.stream().filter(entry -> !paired.contains(entry)).toList();
    return new Result(exact, loose, notInTrail, notInLedger);
  }
}

package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditQuery;
import dev.piiwarden.core.text.QuotedValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of a subject's events {@code audit query} lists: a time window ({@code --since},
 * {@code --until}) and event types ({@code --type}). A date means a whole UTC day: {@code --since
 * 2026-11-01 --until 2026-11-30} is all of November.
 */
final class EventFilter {
  private final Instant since;
  private final Instant until;
  private final Set<String> types;

  private EventFilter(Instant since, Instant until, Set<String> types) {
    this.since = since;
    this.until = until;
    this.types = types;
  }

  /**
   * The filter of the options' values, each null or empty when not given.
   *
   * @throws CommandFailure (exit 2) naming the option whose value is not understood
   */
  static EventFilter of(String since, String until, List<String> types) {
    Instant from = since == null ? null : instant("--since", since, false);
    Instant to = until == null ? null : instant("--until", until, true);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_QUERY_EMPTY_WINDOW,
          QuotedValue.shown(since), QuotedValue.shown(until));
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String type : types == null ? List.<String>of() : types) {
      String name = type.strip();
      if (!AuditEventType.ALL.contains(name) && AuditEventType.ALL.stream().noneMatch(t -> t.startsWith(name + "."))) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_QUERY_BAD_TYPE, QuotedValue.shown(type),
            String.join(", ", AuditEventType.ALL));
      }
      wanted.add(name);
    }
    return new EventFilter(from, to, wanted);
  }

  /**
   * {@code value} as an instant: an ISO instant as is, an ISO date as the start of that UTC day,
   * or for the end of a window ({@code end}) as the start of the next day.
   */
  private static Instant instant(String option, String value, boolean end) {
    String text = value.strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notAnInstant) {
      try {
        LocalDate day = LocalDate.parse(text);
        return (end ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notADate) {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_QUERY_BAD_TIME, option,
            QuotedValue.shown(value));
      }
    }
  }

  /** Whether any option narrows the events. */
  boolean narrows() {
    return since != null || until != null || !types.isEmpty();
  }

  /** Whether the window needs each event's time. */
  boolean timed() {
    return since != null || until != null;
  }

  /** The matches this filter keeps, in their order; those without a readable time counted in {@code untimed}. */
  List<AuditQuery.Match> keep(List<AuditQuery.Match> matches, int[] untimed) {
    List<AuditQuery.Match> kept = new ArrayList<>();
    for (AuditQuery.Match match : matches) {
      if (!types.isEmpty() && !typeWanted(String.valueOf(match.fields().get("type")))) {
        continue;
      }
      if (timed()) {
        Instant ts = timeOf(match);
        if (ts == null) {
          untimed[0]++;
          continue;
        }
        if ((since != null && ts.isBefore(since)) || (until != null && !ts.isBefore(until))) {
          continue;
        }
      }
      kept.add(match);
    }
    return kept;
  }

  private boolean typeWanted(String type) {
    for (String wanted : types) {
      if (type.equals(wanted) || type.startsWith(wanted + ".")) {
        return true;
      }
    }
    return false;
  }

  private static Instant timeOf(AuditQuery.Match match) {
    Object ts = match.fields().get("ts");
    if (!(ts instanceof String text)) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** What the filter keeps, for the answer's first line: {@code since …, until …, of type …}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (since != null) {
      parts.add("since " + since);
    }
    if (until != null) {
      parts.add("before " + until);
    }
    if (!types.isEmpty()) {
      parts.add("of type " + String.join(",", types));
    }
    return String.join(", ", parts);
  }

  Instant since() {
    return since;
  }

  Instant until() {
    return until;
  }

  Set<String> types() {
    return types;
  }
}

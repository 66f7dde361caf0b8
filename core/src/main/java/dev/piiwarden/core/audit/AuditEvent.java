package dev.piiwarden.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One event of the audit trail, before the trail numbers and chains it (SPEC §7).
 *
 * <p>The shape is the SPEC's fixed fields, each optional except {@code type} and {@code ts}:
 * {@code subject} (a pseudonym, never a raw id), {@code actor}, {@code purposes}, {@code
 * activity}, {@code categories}, {@code reason}; plus <em>details</em>, the type-specific extras
 * (for example {@code source} of a {@code consent.changed}, {@code version} and {@code config} of
 * {@code agent.started}, {@code counts} of {@code redaction}, {@code dropped} of {@code
 * audit.dropped}). A detail value is a string, a number, a boolean, a list of strings or a map of
 * such values; details are written after the fixed fields in key order, so new ones need no format
 * change. A detail may not reuse the name of a fixed field.
 *
 * <p>Timestamps are kept to the microsecond, as written.
 */
public final class AuditEvent {
  /** The record fields the trail writes itself or that the fixed fields use; not detail names. */
  static final Set<String> RESERVED =
      Set.of("v", "seq", "ts", "type", "subject", "actor", "purposes", "activity", "categories",
          "reason", "prev", "hash");


  private final String type;
  private final Instant ts;
  private final String subject;
  private final String actor;
  private final List<String> purposes;
  private final String activity;
  private final List<String> categories;
  private final String reason;
  private final Map<String, Object> details;
  private final String body;

  /** How a body begins ({@link AuditRecordFormat#body}). */
  private static final String TS_FIELD = ",\"ts\":\"";
  private static final String TYPE_FIELD = ",\"type\":\"";
  private static final String SUBJECT_FIELD = ",\"subject\":\"";
  /** {@code ,"prev":"<64 hex>"}} after the body. */
  private static final int PREV_FIELD_LENGTH = ",\"prev\":\"".length() + 64 + 2;

  private AuditEvent(Builder b) {
    this.type = Objects.requireNonNull(b.type, "type");
    this.ts = b.ts == null ? now() : b.ts.truncatedTo(ChronoUnit.MICROS);
    this.subject = b.subject;
    this.actor = b.actor;
    this.purposes = List.copyOf(b.purposes);
    this.activity = b.activity;
    this.categories = List.copyOf(b.categories);
    this.reason = b.reason;
    this.details = Collections.unmodifiableMap(new TreeMap<>(b.details));
    this.body = AuditRecordFormat.body(this);
  }

  /**
   * An event read back from a record that was sealed but never delivered (a spool): its type, time
   * and subject, which sinks keep in columns, and its body as written, so that sealing it again
   * changes only {@code seq}, {@code prev} and {@code hash}. The other fields are not read back and
   * stay empty; the body holds them.
   */
  private AuditEvent(String type, Instant ts, String subject, String body) {
    this.type = type;
    this.ts = ts;
    this.subject = subject;
    this.actor = null;
    this.purposes = List.of();
    this.activity = null;
    this.categories = List.of();
    this.reason = null;
    this.details = Map.of();
    this.body = body;
  }

  /**
   * The event of a stored record, for sealing it again elsewhere in a chain ({@link SpooledSink});
   * null when the record's body does not begin with {@code ts} and {@code type} as the writer
   * writes them.
   */
  static AuditEvent restored(RecordLine record) {
    String unsealed = record.unsealed();
    int bodyStart = unsealed.indexOf(TS_FIELD);
    int bodyEnd = unsealed.length() - PREV_FIELD_LENGTH;
    if (bodyStart < 0 || bodyEnd <= bodyStart) {
      return null;
    }
    String body = unsealed.substring(bodyStart, bodyEnd);
    int tsEnd = body.indexOf('"', TS_FIELD.length());
    Instant ts;
    try {
      ts = Instant.parse(body.substring(TS_FIELD.length(), Math.max(TS_FIELD.length(), tsEnd)));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
    // the subject, when there is one, comes right after the type
    String typeField = TYPE_FIELD + record.type() + '"';
    if (!body.startsWith(typeField, tsEnd + 1)) {
      return null;
    }
    String subject = null;
    int subjectStart = tsEnd + 1 + typeField.length();
    if (body.startsWith(SUBJECT_FIELD, subjectStart)) {
      subjectStart += SUBJECT_FIELD.length();
      int subjectEnd = body.indexOf('"', subjectStart);
      subject = subjectEnd < 0 ? "" : body.substring(subjectStart, subjectEnd);
      if (!isPseudonym(subject)) {
        return null;
      }
    }
    return new AuditEvent(record.type(), ts, subject, body);
  }

  /** A builder for an event of this type, timestamped now unless {@link Builder#ts} is set. */
  public static Builder of(String type) {
    return new Builder(type);
  }

  /** The current time, to the microsecond. */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  /** The event type, e.g. {@code consent.denied}; see {@link AuditEventType}. */
  public String type() {
    return type;
  }

  /** When it happened, to the microsecond. */
  public Instant ts() {
    return ts;
  }

  /** The subject's pseudonym ({@code hmac:<hex>}), or null. */
  public String subject() {
    return subject;
  }

  /** Who acted (from {@code PrivacyContext}), or null. */
  public String actor() {
    return actor;
  }

  /** The purposes, possibly empty. */
  public List<String> purposes() {
    return purposes;
  }

  /** The activity id ({@code com.acme.Newsletter#send(com.acme.User)}), or null. */
  public String activity() {
    return activity;
  }

  /** The data categories, possibly empty. */
  public List<String> categories() {
    return categories;
  }

  /** The reason of a decision ({@code NOT_GRANTED}, …), or null. */
  public String reason() {
    return reason;
  }

  /** The type-specific details, sorted by key. */
  public Map<String, Object> details() {
    return details;
  }

  /** The canonical JSON of the event's own fields (built once, on the thread that built it). */
  String body() {
    return body;
  }

  /** {@code hmac:} and 64 lowercase hex digits: {@link Pseudonymizer#isPseudonym}. */
  static boolean isPseudonym(String value) {
    return Pseudonymizer.isPseudonym(value);
  }

  /** Builds an {@link AuditEvent}. */
  public static final class Builder {
    private final String type;
    private Instant ts;
    private String subject;
    private String actor;
    private final List<String> purposes = new ArrayList<>();
    private String activity;
    private final List<String> categories = new ArrayList<>();
    private String reason;
    private final Map<String, Object> details = new TreeMap<>();

    private Builder(String type) {
      this.type = Objects.requireNonNull(type, "type");
    }

    /** Sets the time; it is truncated to microseconds. */
    public Builder ts(Instant ts) {
      this.ts = ts;
      return this;
    }

    /**
     * Sets the subject's pseudonym, as {@link Pseudonymizer#pseudonym} gives it.
     *
     * @throws IllegalArgumentException when the value is not a pseudonym; the message does not
     *     repeat it, since it may be a raw id
     */
    public Builder subject(String pseudonym) {
      if (pseudonym != null && !isPseudonym(pseudonym)) {
        throw new IllegalArgumentException(
            "an audit subject must be a pseudonym (hmac: and 64 hex digits), not a raw id;"
                + " pass it through Pseudonymizer.pseudonym first");
      }
      this.subject = pseudonym;
      return this;
    }

    /** Sets the actor. */
    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    /** Adds purposes. */
    public Builder purposes(Iterable<String> values) {
      values.forEach(purposes::add);
      return this;
    }

    /** Adds purposes. */
    public Builder purposes(String... values) {
      return purposes(List.of(values));
    }

    /** Sets the activity id. */
    public Builder activity(String activity) {
      this.activity = activity;
      return this;
    }

    /** Adds data categories. */
    public Builder categories(Iterable<String> values) {
      values.forEach(categories::add);
      return this;
    }

    /** Adds data categories. */
    public Builder categories(String... values) {
      return categories(List.of(values));
    }

    /** Sets the reason. */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /**
     * Adds a type-specific detail: a string, number, boolean, list of strings, or map of such.
     *
     * @throws IllegalArgumentException for a fixed field's name or a value of another kind
     */
    public Builder detail(String key, Object value) {
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException("'" + key + "' is a fixed audit field, not a detail");
      }
      CanonicalJson.checkValue(key, value);
      details.put(key, value);
      return this;
    }

    /** The event. */
    public AuditEvent build() {
      return new AuditEvent(this);
    }
  }
}

package dev.piiwarden.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the consent ledger: who agreed to (or withdrew) what, when, and through which
 * channel.
 *
 * @param subject the data subject's id
 * @param purpose the purpose key, e.g. {@code "marketing.communications.email"}
 * @param state granted or withdrawn
 * @param time when the change was recorded
 * @param source where it came from, e.g. {@code "signup-form"} or {@code "cli:dpo"}
 * @param expires when a grant lapses, or null for no expiry
 */
public record ConsentRecord(
    String subject, String purpose, State state, Instant time, String source, Instant expires) {

  /** A record's state. */
  public enum State {
    /** Consent given. */
    GRANTED,
    /** Consent withdrawn. */
    WITHDRAWN
  }

  /** Checks that the required parts are present. */
  public ConsentRecord {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The record without its subject and source, which identify a person or may describe one
   * ({@code "phone call with Jane Doe"}): a record logged or put into an exception message keeps
   * them out of the log. Read them through {@link #subject()} and {@link #source()}.
   */
  @Override
  public String toString() {
    return "ConsentRecord[subject=(not shown), purpose=" + purpose + ", state=" + state + ", time=" + time
        + ", source=(not shown), expires=" + expires + "]";
  }
}

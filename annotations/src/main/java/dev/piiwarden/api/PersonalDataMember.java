package dev.piiwarden.api;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.Redaction;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One {@link dev.piiwarden.annotations.PersonalData} member of a class: its declaration and a
 * reader for its value. Generated descriptors create these, so reading needs no reflection; for a
 * class compiled without the processor, {@link PersonalDataDescriptors} makes them by reflection.
 *
 * @param <T> the declaring class
 */
public final class PersonalDataMember<T> {
  /** What kind of member holds the data. */
  public enum Kind {
    /** A field. */
    FIELD,
    /** An accessor method such as {@code getEmail()}. */
    METHOD,
    /** A record component. */
    RECORD_COMPONENT
  }

  private final String name;
  private final Kind kind;
  private final String category;
  private final List<String> purposes;
  private final String subject;
  private final LawfulBasis basis;
  private final String retention;
  private final Redaction redaction;
  private final Function<? super T, ?> reader;

  /** Creates a member; called by generated descriptors. */
  public PersonalDataMember(
      String name,
      Kind kind,
      String category,
      List<String> purposes,
      String subject,
      LawfulBasis basis,
      String retention,
      Redaction redaction,
      Function<? super T, ?> reader) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.category = Objects.requireNonNull(category, "category");
    this.purposes = List.copyOf(purposes);
    this.subject = Objects.requireNonNull(subject, "subject");
    this.basis = Objects.requireNonNull(basis, "basis");
    this.retention = Objects.requireNonNull(retention, "retention");
    this.redaction = Objects.requireNonNull(redaction, "redaction");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The member's name: {@code email} for a field or component, {@code getEmail()} for a method. */
  public String name() {
    return name;
  }

  /** Field, accessor method or record component. */
  public Kind kind() {
    return kind;
  }

  /** The data category key. */
  public String category() {
    return category;
  }

  /** The purposes the data was collected for. */
  public List<String> purposes() {
    return purposes;
  }

  /** The data subject key. */
  public String subject() {
    return subject;
  }

  /** The declared lawful basis. */
  public LawfulBasis basis() {
    return basis;
  }

  /** The declared retention period, or an empty string. */
  public String retention() {
    return retention;
  }

  /** How the value appears in logs. */
  public Redaction redaction() {
    return redaction;
  }

  /** Reads this member's value from {@code instance}. */
  public Object read(T instance) {
    return reader.apply(instance);
  }

  @Override
  public String toString() {
    return name + " (" + category + ")";
  }
}

package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.Redaction;
import dev.piiwarden.annotations.Subject;
import java.util.List;
import java.util.Objects;

/**
 * One declared piece of personal data: a member annotated with {@code @PersonalData}.
 *
 * @param id {@code <type>#<member>}, e.g. {@code com.acme.User#email}
 * @param type the binary name of the declaring type
 * @param member the field or component name, the accessor as {@code getEmail()}, or a parameter as
 *     {@code register(java.lang.String):email}
 * @param kind field, accessor method, record component or parameter
 * @param category the data category key
 * @param purposes the purposes it was collected for, sorted
 * @param subject the data subject key
 * @param basis the lawful basis
 * @param retention the ISO-8601 retention period, or null when not declared
 * @param redaction how it appears in logs
 * @param special a special category (GDPR Art. 9/10)
 * @param sensitive sensitive personal information (CCPA)
 * @param source where it is declared
 */
@JsonPropertyOrder({"id", "type", "member", "kind", "category", "purposes", "subject", "basis",
    "retention", "redaction", "special", "sensitive", "source"})
public record DataElement(
    String id,
    String type,
    String member,
    ElementKind kind,
    String category,
    List<String> purposes,
    String subject,
    LawfulBasis basis,
    String retention,
    Redaction redaction,
    boolean special,
    boolean sensitive,
    SourceLocation source) {

  /** Checks required parts and normalises lists. */
  public DataElement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(category, "category");
    purposes = Sorting.keys(purposes);
    subject = subject == null ? Subject.CUSTOMER : subject; // @PersonalData's default
    basis = basis == null ? LawfulBasis.UNSPECIFIED : basis;
    redaction = redaction == null ? Redaction.MASK : redaction;
    retention = retention == null || retention.isEmpty() ? null : retention;
  }

  /** The binary name of the type that declares the element {@code id}: what precedes its {@code #}. */
  public static String ownerOf(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }
}

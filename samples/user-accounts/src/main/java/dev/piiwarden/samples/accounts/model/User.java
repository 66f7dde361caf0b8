package dev.piiwarden.samples.accounts.model;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.DataSubject;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;
import dev.piiwarden.annotations.Redaction;
import java.time.Instant;

/**
 * A user account. The id is a random UUID given at registration: it is the data subject id
 * everywhere (consent ledger, audit trail), so nothing outside this table links it to a person
 * once the account is erased.
 *
 * <p>Its {@code toString} is the record's own, every value included, the way real services log
 * user objects; under the agent the annotated values are redacted in logs.
 */
public record User(
    @DataSubject String id,
    @PersonalData(
            category = Category.USER_CONTACT_EMAIL,
            purposes = {
              Purpose.ESSENTIAL_SERVICE,
              Purpose.ESSENTIAL_SERVICE_AUTHENTICATION,
              Purpose.MARKETING_COMMUNICATIONS_EMAIL
            },
            basis = LawfulBasis.CONTRACT,
            retention = "P2Y")
        String email,
    @PersonalData(
            category = Category.USER_NAME,
            purposes = {Purpose.ESSENTIAL_SERVICE, Purpose.MARKETING_COMMUNICATIONS_EMAIL},
            basis = LawfulBasis.CONTRACT,
            retention = "P2Y")
        String name,
    @PersonalData(
            category = Category.USER_CONTACT_PHONE_NUMBER,
            purposes = Purpose.ESSENTIAL_SERVICE_SECURITY,
            basis = LawfulBasis.CONTRACT,
            retention = "P2Y",
            redaction = Redaction.PARTIAL)
        String phone,
    @PersonalData(
            category = Category.USER_ACCOUNT,
            purposes = {Purpose.ESSENTIAL_SERVICE, Purpose.ESSENTIAL_LEGAL_OBLIGATION},
            basis = LawfulBasis.CONTRACT,
            retention = "P2Y")
        Instant createdAt,
    @PersonalData(
            category = Category.USER_BEHAVIOR,
            purposes = {Purpose.ESSENTIAL_SERVICE, Purpose.ESSENTIAL_LEGAL_OBLIGATION},
            basis = LawfulBasis.CONTRACT,
            retention = "P2Y")
        Instant lastActiveAt) {

  /** This user with the given contact details, the rest unchanged. */
  public User withDetails(String newEmail, String newName, String newPhone) {
    return new User(id, newEmail, newName, newPhone, createdAt, lastActiveAt);
  }
}

package dev.piiwarden.samples.accounts.model;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.DataSubject;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;
import java.time.Instant;

/** A newsletter sent to a user: the address it went to, kept while the account exists. */
public record NewsletterDelivery(
    @DataSubject String userId,
    @PersonalData(
            category = Category.USER_CONTACT_EMAIL,
            purposes = Purpose.MARKETING_COMMUNICATIONS_EMAIL,
            basis = LawfulBasis.CONSENT,
            retention = "P2Y")
        String sentTo,
    @PersonalData(
            category = Category.USER_BEHAVIOR,
            purposes = Purpose.MARKETING_COMMUNICATIONS_EMAIL,
            basis = LawfulBasis.CONSENT,
            retention = "P2Y")
        Instant sentAt) {}

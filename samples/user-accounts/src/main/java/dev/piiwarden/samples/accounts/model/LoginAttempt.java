package dev.piiwarden.samples.accounts.model;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;
import dev.piiwarden.annotations.Redaction;

/** The body of {@code POST /login}. */
public record LoginAttempt(
    @PersonalData(
            category = Category.USER_CONTACT_EMAIL,
            purposes = Purpose.ESSENTIAL_SERVICE_AUTHENTICATION,
            basis = LawfulBasis.CONTRACT)
        String email,
    @PersonalData(
            category = Category.USER_AUTHORIZATION_PASSWORD,
            purposes = Purpose.ESSENTIAL_SERVICE_AUTHENTICATION,
            basis = LawfulBasis.CONTRACT,
            redaction = Redaction.OMIT)
        String password) {}

package dev.piiwarden.samples.accounts.model;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;
import dev.piiwarden.annotations.Redaction;

/** The body of {@code POST /users}. The password is hashed at once and never stored or logged. */
public record Registration(
    @PersonalData(
            category = Category.USER_CONTACT_EMAIL,
            purposes = Purpose.ESSENTIAL_SERVICE,
            basis = LawfulBasis.CONTRACT)
        String email,
    @PersonalData(
            category = Category.USER_NAME,
            purposes = Purpose.ESSENTIAL_SERVICE,
            basis = LawfulBasis.CONTRACT)
        String name,
    @PersonalData(
            category = Category.USER_CONTACT_PHONE_NUMBER,
            purposes = Purpose.ESSENTIAL_SERVICE_SECURITY,
            basis = LawfulBasis.CONTRACT)
        String phone,
    @PersonalData(
            category = Category.USER_AUTHORIZATION_PASSWORD,
            purposes = Purpose.ESSENTIAL_SERVICE_AUTHENTICATION,
            basis = LawfulBasis.CONTRACT,
            redaction = Redaction.OMIT)
        String password) {}

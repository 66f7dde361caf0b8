package dev.piiwarden.samples.accounts.model;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;

/**
 * The body of {@code PUT} and {@code PATCH /users/{id}} (GDPR Art. 16). For {@code PATCH} a null
 * member keeps the stored value; for {@code PUT} every member is required.
 */
public record Rectification(
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
        String phone) {}

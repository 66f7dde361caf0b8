package dev.piiwarden.samples.accounts.model;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.DataSubject;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;
import java.time.Instant;

/** One login of a user, kept for account security (suspicious sign-ins) for 90 days. */
public record LoginEvent(
    @DataSubject String userId,
    @PersonalData(
            category = Category.USER_DEVICE_IP_ADDRESS,
            purposes = Purpose.ESSENTIAL_SERVICE_SECURITY,
            basis = LawfulBasis.LEGITIMATE_INTERESTS,
            retention = "P90D")
        String clientIp,
    @PersonalData(
            category = Category.USER_BEHAVIOR,
            purposes = Purpose.ESSENTIAL_SERVICE_SECURITY,
            basis = LawfulBasis.LEGITIMATE_INTERESTS,
            retention = "P90D")
        Instant at,
    @PersonalData(
            category = Category.USER_BEHAVIOR,
            purposes = Purpose.ESSENTIAL_SERVICE_SECURITY,
            basis = LawfulBasis.LEGITIMATE_INTERESTS,
            retention = "P90D")
        boolean succeeded) {}

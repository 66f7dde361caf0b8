package com.acme;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;

/** Deleted by the second build (profile delete-lead) before it compiles. */
public class Lead {
  @PersonalData(category = Category.USER_CONTACT_PHONE_NUMBER, purposes = Purpose.ESSENTIAL_SERVICE,
      basis = LawfulBasis.CONTRACT, retention = "P1Y")
  private final String phone;

  public Lead(String phone) {
    this.phone = phone;
  }
}

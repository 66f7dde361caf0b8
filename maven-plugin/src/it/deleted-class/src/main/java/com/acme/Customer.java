package com.acme;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.DataSubject;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;

public class Customer {
  @DataSubject private final String id;

  @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE,
      basis = LawfulBasis.CONTRACT, retention = "P2Y")
  private final String email;

  public Customer(String id, String email) {
    this.id = id;
    this.email = email;
  }

  public String getEmail() {
    return email;
  }
}

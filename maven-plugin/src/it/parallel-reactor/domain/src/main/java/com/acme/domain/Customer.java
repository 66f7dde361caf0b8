package com.acme.domain;

import dev.piiwarden.annotations.Category;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.annotations.Purpose;

public class Customer {
  @PersonalData(category = Category.USER_FINANCIAL_CREDIT_CARD, purposes = Purpose.ESSENTIAL_SERVICE,
      basis = LawfulBasis.CONTRACT, retention = "P1Y")
  private final String cardNumber;

  public Customer(String cardNumber) {
    this.cardNumber = cardNumber;
  }

  public String getCardNumber() {
    return cardNumber;
  }
}

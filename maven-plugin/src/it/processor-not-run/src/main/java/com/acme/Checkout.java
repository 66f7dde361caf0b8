package com.acme;

import java.util.logging.Logger;

public class Checkout {
  private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

  public void pay(Payment payment) {
    LOG.info("charging card " + payment.getCardNumber());
  }
}

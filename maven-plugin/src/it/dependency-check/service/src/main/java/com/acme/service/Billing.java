package com.acme.service;

import com.acme.domain.Customer;
import java.util.logging.Logger;

public class Billing {
  private static final Logger LOG = Logger.getLogger(Billing.class.getName());

  public void charge(Customer customer) {
    LOG.info("charging card " + customer.getCardNumber());
  }
}

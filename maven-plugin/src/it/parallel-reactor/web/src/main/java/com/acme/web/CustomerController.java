package com.acme.web;

import com.acme.domain.Customer;
import com.acme.service.CustomerService;
import java.util.logging.Logger;

public class CustomerController {
  private static final Logger LOG = Logger.getLogger(CustomerController.class.getName());
  private final CustomerService service = new CustomerService();

  public void charge(String cardNumber) {
    Customer customer = service.find(cardNumber);
    LOG.info("charging card " + customer.getCardNumber());
  }
}

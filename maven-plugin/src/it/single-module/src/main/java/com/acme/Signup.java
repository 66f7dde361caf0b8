package com.acme;

import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.annotations.Purpose;
import java.util.logging.Logger;

public class Signup {
  private static final Logger LOG = Logger.getLogger(Signup.class.getName());

  @ProcessingActivity(name = "Account registration", purposes = Purpose.ESSENTIAL_SERVICE)
  public void register(Customer customer) {
    LOG.info("welcome " + customer.getEmail());
  }
}

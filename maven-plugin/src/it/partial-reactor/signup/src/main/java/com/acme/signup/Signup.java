package com.acme.signup;

public class Signup {
  private final Sender sender;

  public Signup(Sender sender) {
    this.sender = sender;
  }

  public void register(Customer customer) {
    sender.send(customer.getEmail());
  }
}

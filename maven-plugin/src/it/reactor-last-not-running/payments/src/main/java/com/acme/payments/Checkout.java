package com.acme.payments;

public class Checkout {
  private final Sender sender;

  public Checkout(Sender sender) {
    this.sender = sender;
  }

  public void pay(Payment payment) {
    sender.send(payment.getCardNumber());
  }
}

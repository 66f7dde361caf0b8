package com.acme.payments;

public interface Sender {
  void send(String text);
}

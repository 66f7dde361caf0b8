package com.acme.signup;

public interface Sender {
  void send(String text);
}

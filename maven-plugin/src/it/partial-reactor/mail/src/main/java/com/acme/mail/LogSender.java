package com.acme.mail;

import com.acme.signup.Sender;
import java.util.logging.Logger;

public class LogSender implements Sender {
  private static final Logger LOG = Logger.getLogger(LogSender.class.getName());

  @Override
  public void send(String text) {
    LOG.info(text);
  }
}

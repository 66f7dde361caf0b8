package com.acme.service;

import org.junit.jupiter.api.Test;

class SlowTest {
  @Test
  void takesItsTime() throws InterruptedException {
    Thread.sleep(8000);
  }
}

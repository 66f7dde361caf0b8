package dev.piiwarden.benchmarks.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small SLF4J + Logback application of the start-up comparison ({@code startup-compare.sh}):
 * Logback configures itself (console), three INFO lines are logged, one with an e-mail address,
 * and the JVM exits. No PII Warden class is loaded by the application itself.
 */
public final class LogbackApp {
  private static final Logger LOG = LoggerFactory.getLogger(LogbackApp.class);

  private LogbackApp() {}

  public static void main(String[] args) {
    LOG.info("starting order service");
    LOG.info("order {} shipped to {}", "A-10428", "jane.doe@example.com");
    LOG.info("started");
    System.out.println("logback-app=ran");
  }
}

package dev.piiwarden.benchmarks.startup;

import dev.piiwarden.api.ConsentDeniedException;
import dev.piiwarden.benchmarks.agent.Newsletter;

/**
 * The small application whose start-up {@code startup.sh} times with and without the agent: it
 * loads an annotated class, makes one call that the agent denies, and exits.
 */
public final class SmallApp {
  private SmallApp() {}

  public static void main(String[] args) {
    int result;
    try {
      result = new Newsletter().send("nobody", "hello");
    } catch (ConsentDeniedException denied) {
      result = -1;
    }
    System.out.println("small-app=" + (result < 0 ? "denied" : "ran"));
  }
}

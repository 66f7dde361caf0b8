package dev.piiwarden.benchmarks.agent;

import dev.piiwarden.annotations.ConsentRequired;
import dev.piiwarden.annotations.DataSubject;

/** The annotated method called through the agent; without the agent it is a plain call. */
public class Newsletter {
  private int sent;

  @ConsentRequired("marketing.communications.email")
  public int send(@DataSubject String subject, String body) {
    sent += body.length();
    return sent;
  }
}

package dev.piiwarden.core.report.ropa;

import java.util.List;

/**
 * A recipient the code does not show: a processor or another controller named in the configuration
 * (GDPR Art. 30(1)(d)).
 *
 * @param name who receives the data
 * @param description what they do with it, or null
 * @param activities the activity ids or names it applies to; empty for every activity
 */
public record ThirdParty(String name, String description, List<String> activities) {
  /** Copies the list. */
  public ThirdParty {
    activities = List.copyOf(activities);
  }
}

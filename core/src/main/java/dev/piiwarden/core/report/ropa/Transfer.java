package dev.piiwarden.core.report.ropa;

import java.util.List;

/**
 * A transfer of personal data to a third country or an international organisation, with its
 * safeguards (GDPR Art. 30(1)(e), Art. 46 and 49).
 *
 * @param country the third country or organisation
 * @param recipient who receives the data there, or null
 * @param safeguard the documented safeguard, e.g. "Standard contractual clauses (2021/914)", or null
 * @param activities the activity ids or names it applies to; empty for every activity
 */
public record Transfer(String country, String recipient, String safeguard, List<String> activities) {
  /** Copies the list. */
  public Transfer {
    activities = List.copyOf(activities);
  }

  /** "US: Mailer Inc. (Standard contractual clauses)". */
  public String describe() {
    return country
        + (recipient == null ? "" : ": " + recipient)
        + (safeguard == null ? "" : " (safeguard: " + safeguard + ")");
  }
}

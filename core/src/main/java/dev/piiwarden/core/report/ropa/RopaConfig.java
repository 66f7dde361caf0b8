package dev.piiwarden.core.report.ropa;

import java.util.List;

/**
 * What the record of processing needs and the code cannot tell: who the controller is, recipients
 * outside the code, transfers, retention and measures written by people.
 *
 * @param controller the controller, or null
 * @param dpo the data protection officer, or null
 * @param representative the representative in the EU (Art. 27), or null
 * @param recipients third parties that receive data
 * @param transfers transfers to third countries; empty when the configuration declares there are none
 *     ({@code transfers: []}), null when it says nothing about them: the record then says "not declared"
 *     rather than that there are none
 * @param defaultRetention the text for data without a declared retention, or null for "not declared"
 * @param measures technical and organisational measures that replace the generated ones; empty to
 *     keep those
 */
public record RopaConfig(
    Party controller,
    Party dpo,
    Party representative,
    List<ThirdParty> recipients,
    List<Transfer> transfers,
    String defaultRetention,
    List<String> measures) {

  /** Copies the lists. */
  public RopaConfig {
    recipients = List.copyOf(recipients);
    transfers = transfers == null ? null : List.copyOf(transfers);
    measures = List.copyOf(measures);
  }

  /** A configuration that says nothing, about transfers too. */
  public static RopaConfig empty() {
    return new RopaConfig(null, null, null, List.of(), null, null, List.of());
  }

  /** This configuration with the controller's name replaced, its contact kept. */
  public RopaConfig withControllerName(String name) {
    Party party = new Party(name, controller == null ? null : controller.contact());
    return new RopaConfig(party, dpo, representative, recipients, transfers, defaultRetention, measures);
  }
}

package dev.piiwarden.core.report.ropa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.core.report.ConfigException;
import dev.piiwarden.core.report.ConfigFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link RopaConfig} from a parsed JSON or YAML tree:
 *
 * <pre>
 * controller: {name: Acme GmbH, contact: "privacy@acme.example, Hauptstr. 1, Berlin"}
 * dpo: {name: Dana Protect, contact: dpo@acme.example}
 * representative: {name: ..., contact: ...}
 * recipients: [{name: Mailer Inc., description: e-mail delivery, activities: [Newsletter]}]
 * transfers: [{country: US, recipient: Mailer Inc., safeguard: SCC 2021/914, activities: [...]}]
 * defaultRetention: "Deleted 30 days after account closure"
 * measures: ["TLS 1.3 in transit", ...]
 * </pre>
 */
public final class RopaConfigReader {
  private static final Set<String> TOP =
      Set.of("controller", "dpo", "representative", "recipients", "transfers", "defaultRetention", "measures");
  private static final Set<String> PARTY = Set.of("name", "contact");
  private static final Set<String> RECIPIENT = Set.of("name", "description", "activities");
  private static final Set<String> TRANSFER = Set.of("country", "recipient", "safeguard", "activities");

  private RopaConfigReader() {}

  /**
   * The configuration in {@code tree}.
   *
   * @param origin the file name, for messages
   * @throws ConfigException naming the file and field when something is unknown or missing
   */
  public static RopaConfig read(JsonNode tree, String origin) {
    ConfigFields top = ConfigFields.of(tree, origin, TOP);
    List<ThirdParty> recipients = new ArrayList<>();
    List<JsonNode> recipientNodes = top.objects("recipients");
    for (int i = 0; i < recipientNodes.size(); i++) {
      ConfigFields fields = ConfigFields.of(recipientNodes.get(i), origin + ": recipients[" + i + "]", RECIPIENT);
      recipients.add(
          new ThirdParty(fields.requiredText("name"), fields.text("description"), fields.texts("activities")));
    }
    List<Transfer> transfers = new ArrayList<>();
    List<JsonNode> transferNodes = top.objects("transfers");
    for (int i = 0; i < transferNodes.size(); i++) {
      ConfigFields fields = ConfigFields.of(transferNodes.get(i), origin + ": transfers[" + i + "]", TRANSFER);
      transfers.add(
          new Transfer(
              fields.requiredText("country"),
              fields.text("recipient"),
              fields.text("safeguard"),
              fields.texts("activities")));
    }
    return new RopaConfig(
        party(top, "controller", origin),
        party(top, "dpo", origin),
        party(top, "representative", origin),
        recipients,
        top.has("transfers") ? transfers : null, // "transfers: []" declares none; without it, not declared
        top.text("defaultRetention"),
        top.texts("measures"));
  }

  private static Party party(ConfigFields top, String field, String origin) {
    JsonNode node = top.node(field);
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return new Party(node.asText(), null);
    }
    ConfigFields fields = ConfigFields.of(node, origin + ": " + field, PARTY);
    return new Party(fields.requiredText("name"), fields.text("contact"));
  }
}

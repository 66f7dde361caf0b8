package dev.piiwarden.core.report;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.Redaction;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import dev.piiwarden.core.inventory.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated inventory of the size the diagram must stay readable at: 100 data elements in 25 categories (five of them
 * special), 80 activities in 40 classes of 10 packages, where every category reaches every package,
 * and each package writes to three sink kinds. Deterministic, so golden files can hold its diagram.
 */
public final class LargeInventory {
  /** The categories, four elements each. */
  static final List<String> CATEGORIES = List.of(
      "user.account.username", "user.authorization.password", "user.behavior.purchase_history",
      "user.behavior.search_history", "user.biometric.fingerprint", "user.contact.address.city",
      "user.contact.address.street", "user.contact.email", "user.contact.phone_number",
      "user.criminal_history", "user.demographic.date_of_birth", "user.demographic.gender",
      "user.demographic.religious_belief", "user.device.ip_address", "user.financial.bank_account",
      "user.financial.credit_card", "user.government_id.passport_number", "user.health_and_medical.genetic",
      "user.health_and_medical.record_id", "user.location.precise", "user.name.first", "user.name.last",
      "user.job_title", "user.unique_id.pseudonymous", "user.workplace");

  /** The packages of the activities. */
  static final List<String> PACKAGES = List.of("analytics", "auth", "billing", "clinic", "crm", "hr",
      "marketing", "search", "shipping", "support");

  private static final List<SinkKind> SINKS =
      List.of(SinkKind.LOG, SinkKind.DATABASE, SinkKind.HTTP, SinkKind.MESSAGING, SinkKind.FILE);

  private LargeInventory() {}

  /** The inventory. */
  public static Inventory generate() {
    List<DataElement> elements = new ArrayList<>();
    for (int c = 0; c < CATEGORIES.size(); c++) {
      for (int i = 0; i < 4; i++) {
        String type = "com.acme.model.Record" + (char) ('A' + c);
        elements.add(new DataElement(type + "#field" + i, type, "field" + i, ElementKind.FIELD, CATEGORIES.get(c),
            List.of("essential.service"), "customer", LawfulBasis.CONTRACT, "P1Y", Redaction.MASK, false, false,
            new SourceLocation("com/acme/model/Record" + (char) ('A' + c) + ".java", 10 + i)));
      }
    }
    List<Activity> activities = new ArrayList<>();
    List<Flow> flows = new ArrayList<>();
    for (int p = 0; p < PACKAGES.size(); p++) {
      for (int k = 0; k < 8; k++) {
        String type = "com.acme." + PACKAGES.get(p) + ".Service" + (k / 2);
        String method = "handle" + k + "()";
        String id = type + "#" + method;
        List<String> reads = new ArrayList<>();
        for (int c = k; c < CATEGORIES.size(); c += 8) {
          reads.add(elements.get(c * 4 + p % 4).id());
        }
        SinkKind kind = SINKS.get((p + k % 3) % SINKS.size());
        activities.add(new Activity(id, type, method, null, List.of("essential.service"), null, null, reads,
            List.of(), List.of(new SinkRecord(kind, "sink." + kind.name().toLowerCase() + "#write", 20 + k,
                List.of(reads.get(0)), Confidence.DIRECT))));
        if (k == 0 && kind == SinkKind.LOG) {
          flows.add(new Flow(reads.get(0), SinkKind.LOG, "sink.log#write", List.of(id, "com.acme.audit.Trail#log()")));
        }
      }
    }
    return new Inventory(elements, activities, flows);
  }

  /** Writes the inventory as JSON, to draw it with the CLI: {@code LargeInventory FILE}. */
  public static void main(String[] args) {
    InventoryJson.write(generate(), Path.of(args[0]));
  }
}

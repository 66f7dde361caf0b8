package dev.piiwarden.core.inventory;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.OnDenied;
import dev.piiwarden.annotations.Redaction;
import java.util.List;

/** The SPEC's example inventory, as model objects. */
final class InventoryFixtures {
  private InventoryFixtures() {}

  static DataElement email() {
    return new DataElement("com.acme.User#email", "com.acme.User", "email", ElementKind.FIELD,
        "user.contact.email", List.of("essential.service"), "customer", LawfulBasis.CONTRACT, "P2Y",
        Redaction.MASK, false, false, new SourceLocation("com/acme/User.java", 12));
  }

  static Activity newsletter() {
    return new Activity("com.acme.Newsletter#send(com.acme.User)", "com.acme.Newsletter", "send(com.acme.User)",
        "Newsletter", List.of("marketing.communications.email"),
        new ConsentRequirement(List.of("marketing.communications.email"), OnDenied.THROW), "PARAMETER 0",
        List.of("com.acme.User#email"), List.of("com.acme.Mailer#deliver(java.lang.String)"),
        List.of(new SinkRecord(SinkKind.LOG, "org.slf4j.Logger#info", 40, List.of("com.acme.User#email"),
            Confidence.DIRECT)));
  }

  static Flow emailToLog() {
    return new Flow("com.acme.User#email", SinkKind.LOG, "org.slf4j.Logger#info",
        List.of("com.acme.Newsletter#send(com.acme.User)", "com.acme.Mailer#deliver(java.lang.String)"));
  }

  static Inventory specExample() {
    return new Inventory(List.of(email()), List.of(newsletter()), List.of(emailToLog()));
  }
}

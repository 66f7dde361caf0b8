package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A class's own equals, hashCode and toString (hand-written here, as Lombok's {@code @Data}
 * generates them) are no processing activities, while the data they print still reaches the sinks
 * that log the object or its text.
 */
class ObjectMethodActivitiesTest {
  private static final String CUSTOMER = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      import java.util.Objects;
      public class Customer {
        @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
        private String email;
        @PersonalData(category = Category.USER_FINANCIAL_CREDIT_CARD, basis = LawfulBasis.CONTRACT)
        private String card;
        private int visits;

        @Override public boolean equals(Object o) {
          return o instanceof Customer c && Objects.equals(email, c.email) && Objects.equals(card, c.card);
        }
        @Override public int hashCode() { return Objects.hash(email, card); }
        @Override public String toString() { return "Customer(email=" + email + ", card=" + card + ")"; }

        public boolean equals(Customer other, boolean strict) { return email.equals(other.email); }
        public String toString(String prefix) { return prefix + email; }
      }
      """;

  private static final String BILLING = """
      package com.acme;
      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;
      public class Billing {
        private static final Logger log = LoggerFactory.getLogger(Billing.class);
        public void charge(Customer customer) {
          log.info("charging {}", customer); // whole
          log.info(customer.toString()); // text
        }
      }
      """;

  @Test
  void equalsHashCodeAndToStringAreNoActivitiesButOverloadsAre() {
    FlowCompilation result = FlowCompilation.compile(
        FlowCompilation.source("com.acme.Customer", CUSTOMER), FlowCompilation.source("com.acme.Billing", BILLING));
    assertThat(result.compilation).succeeded();
    List<String> ids = result.fragment("com.acme.Customer").activities().stream().map(Activity::id).toList();
    assertThat(ids).containsExactly(
        "com.acme.Customer#equals(com.acme.Customer,boolean)", "com.acme.Customer#toString(java.lang.String)");
  }

  @Test
  void theObjectLoggedWholeOrAsTextStillReachesTheLog() {
    FlowCompilation result = FlowCompilation.compile(
        FlowCompilation.source("com.acme.Customer", CUSTOMER), FlowCompilation.source("com.acme.Billing", BILLING));
    Activity charge = result.activity("com.acme.Billing", "com.acme.Billing#charge(com.acme.Customer)");
    assertThat(charge.sinks()).contains(
        FlowCompilation.sinkAt(BILLING, "whole", SinkKind.LOG, "org.slf4j.Logger#info", Confidence.DIRECT,
            "com.acme.Customer#card", "com.acme.Customer#email"));
    // the text is what Customer's own toString returns: its summary carries the data to the log
    Inventory merged = result.merged();
    assertThat(merged.flows()).containsAtLeast(
        new Flow("com.acme.Customer#card", SinkKind.LOG, "org.slf4j.Logger#info",
            List.of("com.acme.Billing#charge(com.acme.Customer)")),
        new Flow("com.acme.Customer#card", SinkKind.LOG, "org.slf4j.Logger#info",
            List.of("com.acme.Customer#toString()", "com.acme.Billing#charge(com.acme.Customer)")),
        new Flow("com.acme.Customer#email", SinkKind.LOG, "org.slf4j.Logger#info",
            List.of("com.acme.Customer#toString()", "com.acme.Billing#charge(com.acme.Customer)")));
    assertThat(result.compilation).hadWarningContaining("PW018: Personal data com.acme.Customer#card")
        .inFile(result.compilation.sourceFiles().stream()
            .filter(file -> file.getName().endsWith("Billing.java")).findFirst().orElseThrow())
        .onLine(FlowCompilation.line(BILLING, "text"));
  }

  @Test
  void aToStringThatLogsThePersonalDataItselfStaysAnActivity() {
    String noisy = """
        package com.acme;
        import dev.piiwarden.annotations.*;
        import org.slf4j.Logger;
        import org.slf4j.LoggerFactory;
        public class Noisy {
          private static final Logger log = LoggerFactory.getLogger(Noisy.class);
          @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
          private String email;
          @Override public String toString() {
            log.debug("rendering {}", email); // logged
            return "Noisy";
          }
        }
        """;
    FlowCompilation result = FlowCompilation.compile(FlowCompilation.source("com.acme.Noisy", noisy));
    Activity toString = result.activity("com.acme.Noisy", "com.acme.Noisy#toString()");
    assertThat(toString.sinks()).containsExactly(FlowCompilation.sinkAt(noisy, "logged", SinkKind.LOG,
        "org.slf4j.Logger#debug", Confidence.DIRECT, "com.acme.Noisy#email"));
    assertThat(result.merged().flows()).contains(new Flow("com.acme.Noisy#email", SinkKind.LOG,
        "org.slf4j.Logger#debug", List.of("com.acme.Noisy#toString()")));
  }
}

package dev.piiwarden.agent;

import dev.piiwarden.agent.audit.AgentAudit;
import dev.piiwarden.agent.audit.AuditedLedger;
import dev.piiwarden.agent.bootstrap.ConsentBridge;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.agent.consent.ConsentGate;
import dev.piiwarden.agent.consent.ConsentRules;
import dev.piiwarden.agent.consent.LedgerPort;
import dev.piiwarden.agent.consent.SubjectPseudonym;
import dev.piiwarden.agent.instrument.ConsentInstrumentation;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreUri;
import dev.piiwarden.core.consent.PurposeLineage;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/** Wires the ledger, the gate and the bridge, then installs the instrumentation. */
final class ConsentEnforcement {
  private ConsentEnforcement() {}

  static void install(AgentConfiguration configuration, Instrumentation instrumentation) {
    Supplier<ConsentLedger> ledger = new LazyLedger(configuration);
    ConsentRules rules = new ConsentRules();
    ConsentGate gate =
        new ConsentGate(
            rules,
            ledger,
            SubjectPseudonym.withKeyFrom(AgentAudit.keyFile()),
            configuration.monitorOnly(),
            configuration.allowOnStoreError());
    ConsentBridge.install(gate, new AuditedLedger(new LedgerPort(ledger)));
    ConsentInstrumentation.install(instrumentation, rules, new FragmentCatalogue());
  }

  /**
   * Opens the ledger on first use, not at start: loading a taxonomy or a JDBC driver is work the
   * start of the JVM should not wait for. Opening connects to nothing yet.
   */
  private static final class LazyLedger implements Supplier<ConsentLedger> {
    private final AgentConfiguration configuration;
    private volatile ConsentLedger ledger;

    LazyLedger(AgentConfiguration configuration) {
      this.configuration = configuration;
    }

    @Override
    public ConsentLedger get() {
      ConsentLedger current = ledger;
      if (current == null) {
        synchronized (this) {
          current = ledger;
          if (current == null) {
            String taxonomy = configuration.get(AgentOption.TAXONOMY);
            PurposeLineage lineage =
                taxonomy.isEmpty()
                    ? PurposeLineage.dotted()
                    : PurposeLineage.of(Taxonomy.load(Path.of(taxonomy)));
            current =
                new ConsentLedger(
                    ConsentStoreUri.open(
                        configuration.get(AgentOption.CONSENT_STORE),
                        warning -> AgentReport.once(warning, warning.replaceFirst("^piiwarden: ", ""))),
                    lineage,
                    configuration.cacheTtl(),
                    Clock.systemUTC());
            ledger = current;
          }
        }
      }
      return current;
    }
  }
}

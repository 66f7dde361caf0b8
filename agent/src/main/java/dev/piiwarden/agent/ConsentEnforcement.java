package dev.piiwarden.agent;

import dev.piiwarden.agent.audit.AgentAudit;
import dev.piiwarden.agent.audit.AuditedLedger;
import dev.piiwarden.agent.bootstrap.ConsentBridge;
import dev.piiwarden.agent.config.AgentConfiguration;
import dev.piiwarden.agent.config.AgentOption;
import dev.piiwarden.agent.consent.AccessRecorder;
import dev.piiwarden.agent.consent.AccessRule;
import dev.piiwarden.agent.consent.BundledDriver;
import dev.piiwarden.agent.consent.ConsentGate;
import dev.piiwarden.agent.consent.ConsentRule;
import dev.piiwarden.agent.consent.LedgerPort;
import dev.piiwarden.agent.consent.LinkedLedger;
import dev.piiwarden.agent.consent.NumberedRules;
import dev.piiwarden.agent.consent.SubjectPseudonym;
import dev.piiwarden.agent.consent.TimeBoundStore;
import dev.piiwarden.agent.consent.UnknownPurposes;
import dev.piiwarden.agent.instrument.ConsentCandidateTransformer;
import dev.piiwarden.agent.instrument.ConsentClassTransformer;
import dev.piiwarden.agent.instrument.LoadedAnnotatedClasses;
import dev.piiwarden.agent.instrument.NamedModuleAccess;
import dev.piiwarden.agent.inventory.ActivityCatalog;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.consent.ConsentChangeArguments;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStore;
import dev.piiwarden.core.consent.ConsentStoreUri;
import dev.piiwarden.core.consent.PurposeLineage;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sets up enforcement: the {@link ConsentCandidateTransformer} is registered, and the bridge, the
 * gate and the class rewriter are built when the application first loads its PII Warden API or an
 * annotated class, or with {@code audit.access=all} a class with an inventory fragment ({@link
 * OnFirstUse}). On attach the bridge is put in place at once and the
 * annotated classes already loaded are retransformed.
 */
final class ConsentEnforcement {
  private ConsentEnforcement() {}

  static void install(
      AgentConfiguration configuration, Instrumentation instrumentation, boolean attached) {
    OnFirstUse activation = new OnFirstUse(configuration, instrumentation);
    // Only with audit.access=all does the pre-filter look for inventory fragments.
    FragmentCatalogue fragments = activation.catalogue;
    NamedModuleAccess modules = new NamedModuleAccess(instrumentation);
    if (!attached) {
      instrumentation.addTransformer(new ConsentCandidateTransformer(activation, fragments, modules));
      return;
    }
    if (!activation.attach()) {
      return;
    }
    instrumentation.addTransformer(
        new ConsentCandidateTransformer(activation, fragments, modules), true);
    modules.acceptLoaded(instrumentation.getAllLoadedClasses());
    LoadedAnnotatedClasses.retransform(instrumentation);
  }

  /**
   * Builds, once each, the bridge with the gate behind it, and the instrumenter. A failure is
   * reported once and leaves the application running without enforcement, as a failed start
   * would.
   */
  private static final class OnFirstUse implements ConsentCandidateTransformer.Activation {
    private final AgentConfiguration configuration;
    private final Instrumentation instrumentation;
    private final NumberedRules<ConsentRule> rules = new NumberedRules<>();
    private final boolean accessAll;
    /** Made at start only with {@code audit.access=all}; else null. */
    private final NumberedRules<AccessRule> accessRules;
    private final FragmentCatalogue catalogue;
    private volatile boolean bridged;
    private boolean failed;
    private volatile ConsentClassTransformer instrumenter;

    OnFirstUse(AgentConfiguration configuration, Instrumentation instrumentation) {
      this.configuration = configuration;
      this.instrumentation = instrumentation;
      this.accessAll = configuration.get(AgentOption.AUDIT_ACCESS).equals("all");
      this.accessRules = accessAll ? new NumberedRules<>() : null;
      this.catalogue = accessAll ? new FragmentCatalogue() : null;
    }

    /** For an attach: the bridge at once; false when it could not be put in place (reported). */
    boolean attach() {
      bridge();
      return bridged;
    }

    @Override
    public void bridge() {
      if (bridged) {
        return;
      }
      synchronized (this) {
        if (bridged || failed) {
          return;
        }
        try {
          BootstrapJar.append(instrumentation);
          Wiring.wire(configuration, rules, accessRules);
          bridged = true;
        } catch (Throwable failure) {
          failed = true;
          reportFailure(failure);
        }
      }
    }

    @Override
    public ConsentClassTransformer instrumenter() {
      ConsentClassTransformer current = instrumenter;
      if (current != null) {
        return current;
      }
      bridge();
      synchronized (this) {
        if (instrumenter == null && !failed) {
          try {
            instrumenter = accessAll
                ? new ConsentClassTransformer(rules, catalogue, this::accessRuleOf)
                : new ConsentClassTransformer(rules, new FragmentCatalogue(), null);
          } catch (Throwable failure) {
            failed = true;
            reportFailure(failure);
          }
        }
        return instrumenter;
      }
    }

    /**
     * The number of the access rule of an activity listed in a fragment read so far that reads
     * personal data, registered on first use; -1 for any other method.
     */
    private int accessRuleOf(String activity) {
      ActivityCatalog.Listed listed = ActivityCatalog.listed(activity);
      if (listed == null || listed.categories().isEmpty()) {
        return -1;
      }
      return accessRules.register(AccessRule.of(activity, listed.purposes(), listed.subjectFrom()));
    }

    private static void reportFailure(Throwable failure) {
      AgentReport.once(
          "start",
          "could not start ("
              + AgentReport.describe(failure)
              + "); the application runs without consent enforcement");
    }
  }

  /**
   * Wires the ledger, the gate and the bridge. A class of its own, loaded only once the bridge is
   * on the bootstrap class path, so that no bridge class is ever loaded from the agent jar.
   */
  private static final class Wiring {
    private Wiring() {}

    static void wire(
        AgentConfiguration configuration, NumberedRules<ConsentRule> rules, NumberedRules<AccessRule> access) {
      LazyLedger lazy = new LazyLedger(configuration);
      LinkedLedger ledger = new LinkedLedger(lazy, configuration.get(AgentOption.CONSENT_STORE));
      ConsentGate gate =
          new ConsentGate(
              rules,
              ledger,
              SubjectPseudonym.withKeyFrom(AgentAudit.keyFile()),
              new UnknownPurposes(lazy::taxonomy),
              configuration.monitorOnly(),
              configuration.allowOnStoreError());
      ConsentBridge.install(gate, new AuditedLedger(new LedgerPort(ledger, lazy::arguments)));
      readAhead(ledger);
      if (access != null) {
        ConsentBridge.installAccess(new AccessRecorder(access));
      }
    }
  }

  /**
   * Opens the ledger and has its store read ahead on a thread of its own, so that a large {@code
   * file:} ledger loads while the application starts instead of during its first consent checks.
   * A failure here is left for the first decision to report.
   */
  private static void readAhead(Supplier<ConsentLedger> ledger) {
    Thread reader = new Thread(() -> {
      try {
        ledger.get().load();
      } catch (Throwable failure) {
        // the first decision opens the ledger again and reports what is wrong
      }
    }, "piiwarden-consent-load");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Opens the ledger on first use, not at start: loading a taxonomy or a JDBC driver is work the
   * start of the JVM should not wait for. Opening connects to nothing yet.
   */
  private static final class LazyLedger implements Supplier<ConsentLedger> {
    private final AgentConfiguration configuration;
    private volatile ConsentLedger ledger;
    private volatile Taxonomy taxonomy;
    private volatile ConsentChangeArguments arguments;

    LazyLedger(AgentConfiguration configuration) {
      this.configuration = configuration;
    }

    /** The built-in taxonomy, extended by {@code piiwarden.taxonomy} when it is set; read once. */
    synchronized Taxonomy taxonomy() {
      if (taxonomy == null) {
        String extension = configuration.get(AgentOption.TAXONOMY);
        taxonomy = extension.isEmpty() ? Taxonomy.builtIn() : Taxonomy.load(Path.of(extension));
      }
      return taxonomy;
    }

    /** The check of grants and withdrawals through {@code Consents}, against the taxonomy. */
    ConsentChangeArguments arguments() {
      ConsentChangeArguments current = arguments;
      if (current == null) {
        current = new ConsentChangeArguments(taxonomy());
        arguments = current;
      }
      return current;
    }

    @Override
    public ConsentLedger get() {
      ConsentLedger current = ledger;
      if (current == null) {
        synchronized (this) {
          current = ledger;
          if (current == null) {
            current = build();
            ledger = current;
          }
        }
      }
      return current;
    }

    private ConsentLedger build() {
      PurposeLineage lineage =
          configuration.get(AgentOption.TAXONOMY).isEmpty()
              ? PurposeLineage.dotted()
              : PurposeLineage.of(taxonomy());
      String store = configuration.get(AgentOption.CONSENT_STORE);
      return new ConsentLedger(
          TimeBoundStore.around(store, open(store)), lineage, configuration.cacheTtl(), Clock.systemUTC());
    }

    /** Only a {@code jdbc:} store touches {@code java.sql}, which a small runtime may not have. */
    private static ConsentStore open(String store) {
      String url = TimeBoundStore.withDriverTimeouts(store);
      Consumer<String> warnings =
          warning -> AgentReport.once(warning, warning.replaceFirst("^piiwarden: ", ""));
      return store.startsWith("jdbc:")
          ? ConsentStoreUri.open(url, warnings, BundledDriver.forStore(store))
          : ConsentStoreUri.open(url, warnings);
    }
  }
}

package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.bootstrap.ConsentBridge;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.consent.ConsentChangeArguments;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The agent's ledger as the application's {@code Consents} sees it through the bridge: records as
 * arrays of JDK values, and a store failure as an {@link IllegalStateException} the application
 * can catch without knowing the agent's (relocated) types. A grant or withdrawal with an empty
 * value or an unknown purpose is an {@link IllegalArgumentException} and records nothing.
 */
public final class LedgerPort implements ConsentBridge.Ledger {
  private final Supplier<ConsentLedger> ledger;
  private final Supplier<ConsentChangeArguments> arguments;

  /**
   * @param ledger the agent's ledger, opened on first use
   * @param arguments the check of a grant's or withdrawal's values (the agent's taxonomy)
   */
  public LedgerPort(Supplier<ConsentLedger> ledger, Supplier<ConsentChangeArguments> arguments) {
    this.ledger = ledger;
    this.arguments = arguments;
  }

  @Override
  public Object[] grant(String subject, String purpose, String source) {
    arguments.get().check(subject, purpose, source);
    try {
      return fields(ledger.get().grant(subject, purpose, source));
    } catch (ConsentStoreException e) {
      throw failed("grant", e);
    }
  }

  @Override
  public Object[] withdraw(String subject, String purpose, String source) {
    arguments.get().check(subject, purpose, source);
    try {
      return fields(ledger.get().withdraw(subject, purpose, source));
    } catch (ConsentStoreException e) {
      throw failed("withdraw", e);
    }
  }

  @Override
  public boolean isGranted(String subject, String purpose) {
    try {
      return ledger.get().isGranted(subject, purpose);
    } catch (ConsentStoreException e) {
      throw failed("isGranted", e);
    }
  }

  @Override
  public List<Object[]> history(String subject) {
    try {
      List<Object[]> records = new ArrayList<>();
      for (ConsentRecord record : ledger.get().history(subject)) {
        records.add(fields(record));
      }
      return records;
    } catch (ConsentStoreException e) {
      throw failed("history", e);
    }
  }

  /**
   * The application's exception for a store failure of its {@code Consents.<call>}, said once to
   * the operator too, beside what the gate says of its decisions: a grant or withdrawal that is
   * not recorded must not go unseen where the application catches it, and a store that can still
   * be read may refuse writes.
   */
  private static IllegalStateException failed(String call, ConsentStoreException e) {
    AgentReport.once("consents-" + call, e.getMessage() + "; the application's Consents." + call
        + " calls fail until the store works again");
    return new IllegalStateException("piiwarden: " + e.getMessage());
  }

  private static Object[] fields(ConsentRecord record) {
    return new Object[] {
      record.subject(),
      record.purpose(),
      record.state().name(),
      record.time(),
      record.source(),
      record.expires()
    };
  }
}

package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreException;
import dev.piiwarden.core.text.UrlCredentials;
import java.util.function.Supplier;

/**
 * The ledger as the gate and {@code Consents} get it: a class this runtime cannot link while the
 * ledger is built (a module the runtime image left out, say) makes a store that cannot answer, so
 * decisions follow {@code on-store-error} and {@code Consents} fails, instead of each call being
 * taken for an internal error of the gate and allowed.
 */
public final class LinkedLedger implements Supplier<ConsentLedger> {
  private final Supplier<ConsentLedger> building;
  private final String store;

  /**
   * @param building builds the ledger on first use, again after a failure
   * @param store the store's URL, shown without credentials
   */
  public LinkedLedger(Supplier<ConsentLedger> building, String store) {
    this.building = building;
    this.store = store;
  }

  @Override
  public ConsentLedger get() {
    try {
      return building.get();
    } catch (LinkageError unlinkable) {
      throw new ConsentStoreException("cannot open consent store "
          + UrlCredentials.withoutCredentials(store) + " (" + AgentReport.describe(unlinkable) + ")",
          unlinkable);
    }
  }
}

package dev.piiwarden.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.core.consent.ConsentChangeArguments;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStore;
import dev.piiwarden.core.consent.ConsentStoreException;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerPortTest {
  /** A store that reads (nothing) and refuses every write, as a ledger whose folder cannot be written. */
  private static final class WriteRefusing implements ConsentStore {
    @Override
    public void append(ConsentRecord record) {
      throw new ConsentStoreException("cannot write consent store file:/srv/consent.jsonl: permission denied");
    }

    @Override
    public List<ConsentRecord> records(String subject) {
      return List.of();
    }

    @Override
    public String describe() {
      return "file:/srv/consent.jsonl";
    }

    @Override
    public void close() {}
  }

  /** A grant the store refuses fails the application's call and is a problem for the operator. */
  @Test
  void aGrantTheStoreRefusesFailsAndIsReported() {
    ConsentLedger ledger = new ConsentLedger(new WriteRefusing(), Duration.ZERO);
    LedgerPort port = new LedgerPort(() -> ledger, () -> new ConsentChangeArguments(Taxonomy.builtIn()));
    assertFalse(port.isGranted("u-1", "marketing"));
    long before = AgentReport.problems();
    IllegalStateException failure =
        assertThrows(IllegalStateException.class, () -> port.grant("u-1", "marketing", "signup"));
    assertEquals("piiwarden: cannot write consent store file:/srv/consent.jsonl: permission denied",
        failure.getMessage());
    assertEquals(before + 1, AgentReport.problems());
  }
}

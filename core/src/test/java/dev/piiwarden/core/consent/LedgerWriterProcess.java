package dev.piiwarden.core.consent;

import java.nio.file.Path;
import java.time.Duration;

/** The second process of {@link FileConsentStoreTest}: appends grants to a shared ledger file. */
public final class LedgerWriterProcess {
  private LedgerWriterProcess() {}

  public static void main(String[] args) {
    Path file = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    ConsentLedger ledger =
        new ConsentLedger(new FileConsentStore(file, System.err::println), Duration.ZERO);
    for (int i = 0; i < count; i++) {
      ledger.grant(prefix + "-" + (i % 5), "marketing", "test");
    }
  }
}

package dev.piiwarden.core.consent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The second process of {@link FileConsentStoreTest}: appends grants to a shared ledger file, each
 * with its own source ({@code <prefix>-<n>}). It prints {@code ready} and starts when a line comes
 * on stdin, so that both processes write at the same time.
 */
public final class LedgerWriterProcess {
  private LedgerWriterProcess() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    ConsentLedger ledger =
        new ConsentLedger(new FileConsentStore(file, System.err::println), Duration.ZERO);
    System.out.println("ready");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    for (int i = 0; i < count; i++) {
      ledger.grant(prefix + "-" + (i % 5), "marketing", prefix + "-" + i);
    }
  }
}

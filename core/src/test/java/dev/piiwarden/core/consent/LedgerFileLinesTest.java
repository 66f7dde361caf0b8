package dev.piiwarden.core.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.api.ConsentRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code file:} ledger written by the store, read back line by line with line numbers. */
class LedgerFileLinesTest {
  @TempDir Path dir;

  @Test
  void recordsComeWithTheirLineNumbersAndDamageAndTornWritesApart() throws Exception {
    Path file = dir.resolve("consent.jsonl");
    ConsentRecord granted;
    ConsentRecord withdrawn;
    try (ConsentLedger ledger = new ConsentLedger(ConsentStoreUri.open("file:" + file, w -> { }),
        Duration.ZERO)) {
      granted = ledger.grant("u-1", "marketing", "form");
      withdrawn = ledger.withdraw("u-1", "marketing", "settings");
    }
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.add(1, "{\"subject\":\"u-2\",\"purpose\":");
    lines.add(2, "[\"u-2\"]");
    lines.add(3, "");
    Files.writeString(file, String.join("\n", lines) + "\n{\"subject\":\"u-3\",\"purp");

    LedgerFileLines.Content content = LedgerFileLines.read(file);

    assertEquals(List.of(new LedgerFileLines.Line(1, granted), new LedgerFileLines.Line(5, withdrawn)),
        content.records());
    assertEquals(List.of(new LedgerFileLines.Damaged(3, "not a JSON object")), content.damaged());
    assertEquals(List.of(2L, 6L), content.cutOffLines(),
        "torn writes, the one a later write ended with a newline too, as the store skips them");
  }
}

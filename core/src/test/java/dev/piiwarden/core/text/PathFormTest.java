package dev.piiwarden.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.consent.ConsentStoreUri;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathFormTest {
  @Test
  void aLeadingTildeIsRefusedWithTheFullPathItMeant() {
    String home = System.getProperty("user.home");
    assertEquals(Optional.of("'~/ledger/consent.jsonl' starts with '~', which is not expanded here (a shell expands"
        + " it only at the start of a word): give the full path, " + Path.of(home, "ledger/consent.jsonl")),
        PathForm.problem("~/ledger/consent.jsonl"));
    assertEquals(Optional.of("'~ops/audit.jsonl' starts with '~', which is not expanded here (a shell expands it"
        + " only at the start of a word): give the full path"), PathForm.problem("~ops/audit.jsonl"));
    assertEquals(ConsentStoreUri.problem("file:~/consent.jsonl"), PathForm.problem("~/consent.jsonl"));
    assertEquals(ConsentStoreUri.problem("jdbc:sqlite:~/consent.db"), PathForm.problem("~/consent.db"));
  }

  @Test
  void aFileStoreIsDescribedWithAPersonalFolderNameMasked() {
    assertEquals("file:/srv/[REDACTED:email]/consent.jsonl", ConsentStoreUri.open(
        "file:/srv/jane.doe@example.com/consent.jsonl", warning -> {}).describe());
  }

  @Test
  void aPersonalFolderNameIsMaskedInTheMessage() {
    assertEquals(Optional.of("'~/[REDACTED:email]/consent.jsonl' starts with '~', which is not expanded here (a shell"
        + " expands it only at the start of a word): give the full path, "
        + Path.of(System.getProperty("user.home"), "[REDACTED:email]/consent.jsonl")),
        PathForm.problem("~/jane.doe@example.com/consent.jsonl"));
  }

  @Test
  void otherPathsPassOrAreInvalid() {
    assertEquals(Optional.empty(), PathForm.problem("audit/~trail.jsonl"));
    assertEquals(Optional.empty(), PathForm.problem("/var/log/app/audit.jsonl"));
    assertEquals(Optional.of("'a\0b' is not a valid path"), PathForm.problem("a\0b"));
  }
}

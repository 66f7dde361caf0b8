package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditQueryTest {
  private static final AuditKey OTHER = AuditKey.of(new byte[32]);

  @TempDir Path folder;

  @Test
  void aSubjectsRecordsAreFoundByIdOrByPseudonym() throws Exception {
    Path trail = AuditFixtures.write(folder.resolve("t.jsonl"), AuditFixtures.chain(5));
    AuditQuery query = new AuditQuery(AuditFixtures.KEY);

    List<AuditQuery.Match> byId = query.about(List.of(trail), "u-3");
    List<AuditQuery.Match> byPseudonym =
        query.aboutPseudonym(List.of(trail), new Pseudonymizer(AuditFixtures.KEY).pseudonym("u-3"));

    assertEquals(1, byId.size());
    assertEquals(3, byId.get(0).line());
    assertEquals(byId.get(0).json(), byPseudonym.get(0).json());
  }

  @Test
  void anotherKeySealedNoRecordOfTheTrail() throws Exception {
    Path trail = AuditFixtures.write(folder.resolve("t.jsonl"), AuditFixtures.chain(5));

    assertTrue(new AuditQuery(AuditFixtures.KEY).anyRecordSealedWithKey(List.of(trail)));
    assertFalse(new AuditQuery(OTHER).anyRecordSealedWithKey(List.of(trail)));
  }

  @Test
  void oneRecordThatVerifiesIsEnoughAndATrailWithoutRecordsIsNoEvidenceAgainstTheKey() throws Exception {
    List<String> lines = new ArrayList<>(AuditFixtures.chain(3));
    lines.set(0, lines.get(0).replace("svc-crm", "svc-evil"));
    lines.set(1, "garbage");
    Path damaged = AuditFixtures.write(folder.resolve("damaged.jsonl"), lines);
    Path empty = Files.writeString(folder.resolve("empty.jsonl"), "");

    assertTrue(new AuditQuery(AuditFixtures.KEY).anyRecordSealedWithKey(List.of(damaged)));
    assertTrue(new AuditQuery(OTHER).anyRecordSealedWithKey(List.of(empty)));
  }

  @Test
  void onlyThePrintedFormIsAPseudonym() {
    String pseudonym = new Pseudonymizer(AuditFixtures.KEY).pseudonym("u-1");
    assertTrue(Pseudonymizer.isPseudonym(pseudonym));
    assertFalse(Pseudonymizer.isPseudonym(pseudonym.toUpperCase(java.util.Locale.ROOT)));
    assertFalse(Pseudonymizer.isPseudonym(pseudonym.substring(1)));
    assertFalse(Pseudonymizer.isPseudonym("u-1"));
    assertFalse(Pseudonymizer.isPseudonym(null));
  }
}

package dev.piiwarden.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrailAnchorTest {
  @TempDir Path folder;

  @Test
  void parsesSeqColonHashAsAnOkLinePrintsIt() {
    String hash = "ab".repeat(32);
    assertEquals(Optional.of(new TrailAnchor(48211, hash)), TrailAnchor.parse(" 48211:" + hash + "\n"));
    assertEquals(Optional.of(new TrailAnchor(7, hash)), TrailAnchor.parse("7:" + hash.toUpperCase()));
    for (String bad : List.of("", "7", "7:", ":" + hash, "0:" + hash, "-1:" + hash, "7:" + hash + "0",
        "7:" + hash.substring(1) + "g", "7 " + hash, "1234567890123456789:" + hash)) {
      assertEquals(Optional.empty(), TrailAnchor.parse(bad), bad);
    }
  }

  @Test
  void aTrailHoldingTheAnchorUnchangedHasNoFindingAndOneCutBeforeItOrRewrittenHasOne() throws Exception {
    Path trail = folder.resolve("t.jsonl");
    List<String> lines = AuditFixtures.chain(5);
    Files.write(trail, lines);
    ChainPosition last = new AuditVerifier(AuditFixtures.KEY).verify(List.of(trail)).last();
    TrailAnchor anchor = new TrailAnchor(last.seq(), last.hash());
    TrailAnchor earlier = new TrailAnchor(3, RecordLine.parse(lines.get(2)).hash());

    assertEquals(Optional.empty(), anchor.findingIn(List.of(trail)));
    assertEquals(Optional.empty(), earlier.findingIn(List.of(trail)));

    Files.write(trail, lines.subList(0, 3));
    Finding cut = anchor.findingIn(List.of(trail)).orElseThrow();
    assertEquals(Finding.Kind.CUT_OFF, cut.kind());
    assertEquals(3, cut.line());
    assertEquals(3, cut.seq());

    Files.write(trail, lines.subList(0, 2));
    TrailAnchor foreign = new TrailAnchor(2, "0".repeat(64));
    Finding rewritten = foreign.findingIn(List.of(trail)).orElseThrow();
    assertEquals(Finding.Kind.REWRITTEN, rewritten.kind());
    assertEquals(2, rewritten.seq());
    assertTrue(rewritten.describe().startsWith(trail + ":2: seq 2: rewritten: its hash is "), rewritten.describe());
  }
}

package dev.piiwarden.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Paths as messages and audit records show them: the personal parts masked, the rest as given. */
class ShownPathTest {
  @Test
  void aFolderOrFileNameThatIsPersonalDataIsMasked() {
    assertEquals("jsonl:/tmp/x/[REDACTED:email]/audit.jsonl",
        ShownPath.of("jsonl:/tmp/x/jane.doe@example.com/audit.jsonl"));
    assertEquals("/srv/keys/[REDACTED:card].key", ShownPath.of("/srv/keys/4111111111111111.key"));
  }

  /** The e-mail detector takes no address before .json, a file extension: the name's stem is checked too. */
  @Test
  void aFileNameIsCheckedWithoutItsExtensions() {
    assertEquals("/tmp/pw/[REDACTED:email].json", ShownPath.of("/tmp/pw/jane.doe@example.com.json"));
    assertEquals("file:C:\\data\\[REDACTED:email].json",
        ShownPath.of("file:C:\\data\\kim@example.org.json"));
    assertEquals("'/tmp/pw/[REDACTED:email].json'", ShownPath.quoted("/tmp/pw/jane.doe@example.com.json"));
  }

  @Test
  void aPathWithoutPersonalDataIsShownAsGiven() {
    for (String path : new String[] {"piiwarden-audit.jsonl", "jsonl:/var/log/app/piiwarden-audit.jsonl",
        "file:consent.jsonl", "/srv/team@2/ledger.jsonl", "/opt/app/v1.2.3/taxonomy.json"}) {
      assertEquals(path, ShownPath.of(path));
    }
  }

  /** A number that ends a longer folder name (a temporary folder's) is shown as it is, Luhn or not. */
  @Test
  void aNumberEndingALongerNameIsNoCard() {
    assertEquals("/tmp/junit-5935952468114563801/audit.key", ShownPath.of("/tmp/junit-5935952468114563801/audit.key"));
    assertEquals("/srv/[REDACTED:card]/audit.jsonl", ShownPath.of("/srv/4111111111111111/audit.jsonl"));
  }

  @Test
  void aMessageNamingThePathOrAFileBesideItIsScrubbedOfItsPersonalParts() {
    assertEquals("audit trail /srv/[REDACTED:email]/audit.jsonl cannot be written: lock file"
            + " /srv/[REDACTED:email]/audit.jsonl.lock exists",
        ShownPath.scrub("audit trail /srv/jane.doe@example.com/audit.jsonl cannot be written: lock file"
            + " /srv/jane.doe@example.com/audit.jsonl.lock exists", "jsonl:jane.doe@example.com/audit.jsonl"));
    assertEquals("not a valid taxonomy extension: /t/[REDACTED:email].json: unknown section",
        ShownPath.scrub("not a valid taxonomy extension: /t/jane.doe@example.com.json: unknown section",
            "/t/jane.doe@example.com.json"));
    assertEquals("nothing to do", ShownPath.scrub("nothing to do", "/t/jane.doe@example.com.json"));
  }
}

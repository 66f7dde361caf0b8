package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InventoryJsonTest {

  private static String golden(String name) throws IOException {
    try (InputStream in = InventoryJsonTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writesTheSpecExampleExactly() throws IOException {
    assertEquals(golden("spec-example.json"), InventoryJson.write(InventoryFixtures.specExample()));
  }

  @Test
  void readsWhatItWrites() {
    Inventory inventory = InventoryFixtures.specExample();
    String json = InventoryJson.write(inventory);
    assertEquals(inventory, InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "test"));
  }

  @Test
  void outputDoesNotDependOnTheOrderOfInput() {
    List<DataElement> elements = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      elements.add(new DataElement("com.acme.T" + i + "#f", "com.acme.T" + i, "f", ElementKind.FIELD,
          "user.name", List.of("b.purpose", "a.purpose", "b.purpose"), "customer", null, null, null, false, false,
          null));
    }
    String first = InventoryJson.write(new Inventory(elements, List.of(), List.of()));
    Collections.shuffle(elements, new Random(7));
    assertEquals(first, InventoryJson.write(new Inventory(elements, List.of(), List.of())));
    assertTrue(first.indexOf("com.acme.T0#f") < first.indexOf("com.acme.T1#f"));
    assertTrue(first.contains("\"a.purpose\",\n") && !first.contains("\r"), "sorted, deduplicated, LF only");
  }

  @Test
  void absentOptionalPartsTakeTheirDefaults() {
    String json = "{\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[{\"id\":\"a.B#c\",\"category\":\"user.name\"}],"
        + "\"activities\":[],\"flows\":[]}";
    DataElement element = InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "x").dataElements().get(0);
    assertEquals(LawfulBasis.UNSPECIFIED, element.basis());
    assertEquals(Redaction.MASK, element.redaction());
    assertNull(element.retention());
    assertEquals(List.of(), element.purposes());
  }

  @Test
  void anActivitysSourceIsWrittenLastAndReadBack() {
    Activity located = InventoryFixtures.newsletter().withSource(new SourceLocation("com/acme/Newsletter.java", 38));
    Inventory inventory = new Inventory(List.of(), List.of(located), List.of());
    String json = InventoryJson.write(inventory);
    assertTrue(json.contains("      ],\n      \"source\" : {\n        \"file\" : \"com/acme/Newsletter.java\",\n"
        + "        \"line\" : 38\n      }\n    }\n  ],\n  \"flows\""), json);
    Activity read = InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "x").activities().get(0);
    assertEquals(located, read);
    assertEquals(38, read.declarationLine());
  }

  @Test
  void anActivityWithoutSourceStillReadsAndIsWrittenWithoutIt() {
    String json = "{\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[],\"flows\":[],"
        + "\"activities\":[{\"id\":\"com.acme.A#run()\","
        + "\"type\":\"com.acme.A\",\"method\":\"run()\",\"purposes\":[\"marketing\"]}]}";
    Activity activity = InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "old.json").activities().get(0);
    assertNull(activity.source());
    assertEquals(0, activity.declarationLine());
    assertFalse(InventoryJson.write(new Inventory(List.of(), List.of(activity), List.of())).contains("source"));
  }

  @Test
  void valuesJacksonAcceptedAreStillRead() {
    String json = "\uFEFF{\"schema\":\"piiwarden-inventory/1\",\"written-by\":\"a later version\","
        + "\"dataElements\":[{\"id\":\"a#b\",\"category\":\"user.name\",\"special\":\"true\","
        + "\"source\":{\"file\":\"A.java\",\"line\":\"12\"},\"unknown\":{\"x\":[1,2]}}],"
        + "\"activities\":[],\"flows\":[]}";
    DataElement element = InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "x").dataElements().get(0);
    assertTrue(element.special());
    assertEquals(new SourceLocation("A.java", 12), element.source());
  }

  @Test
  void aFileThatIsNotUtf8OrNestedTooDeepIsToldInOneLine() {
    byte[] latin1 = "{\"schema\":\"piiwarden-inventory/1\",\"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    InventoryException e = assertThrows(InventoryException.class, () -> InventoryJson.read(latin1, "x.json"));
    assertEquals("x.json: not valid JSON at line 1, column 43 (not UTF-8 text); regenerate it by recompiling, or"
        + " remove it",
        e.getMessage());
    byte[] deep = ("{\"schema\":\"piiwarden-inventory/1\",\"x\":" + "[".repeat(50_000))
        .getBytes(StandardCharsets.UTF_8);
    e = assertThrows(InventoryException.class, () -> InventoryJson.read(deep, "x.json"));
    assertTrue(e.getMessage().contains("nested more than 1000 deep"), e.getMessage());
  }

  /** A hand-written element without a subject is the annotation's default subject, as the processor writes it. */
  @Test
  void anElementWithoutASubjectIsACustomers() {
    Inventory inventory = InventoryJson.read(("{\"schema\":\"piiwarden-inventory/1\",\"dataElements\":"
        + "[{\"id\":\"a#b\",\"category\":\"user\"}],\"activities\":[],\"flows\":[]}").getBytes(StandardCharsets.UTF_8),
        "x.json");
    assertEquals("customer", inventory.dataElements().get(0).subject());
  }

  /**
   * A member every inventory has, lost by a damaged or hand-edited file, is refused: read as empty, a
   * file without its data elements would pass a check its flows fail.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "no dataElements   | {\"schema\":\"piiwarden-inventory/1\",\"activities\":[],\"flows\":[]} | x.json: \"dataElements\" is missing at the top level, expected a list ([] when there are none); regenerate it by recompiling",
    "null dataElements | {\"schema\":\"piiwarden-inventory/1\",\"dataElements\":null,\"activities\":[],\"flows\":[]} | x.json: bad value at dataElements, expected a list ([] when there are none); regenerate it by recompiling",
    "no activities     | {\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[],\"flows\":[]} | x.json: \"activities\" is missing at the top level, expected a list ([] when there are none); regenerate it by recompiling",
    "null flows        | {\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[],\"activities\":[],\"flows\":null} | x.json: bad value at flows, expected a list ([] when there are none); regenerate it by recompiling"
  })
  void anInventoryWithoutARequiredMemberIsRefused(String name, String json, String expected) {
    InventoryException e = assertThrows(InventoryException.class,
        () -> InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "x.json"));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void summariesAndWithoutBodyAnalysisMayBeLeftOut() {
    String json = "{\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[],\"activities\":[],\"flows\":[]}";
    assertEquals(Inventory.empty(), InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "x.json"));
  }

  /** The retentions the processor accepts (PW005) are read; "" is none declared. */
  @ParameterizedTest
  @ValueSource(strings = {"P2Y", "P6M", "P2W", "P30D", "PT12H", "p1y", ""})
  void aPositiveIso8601RetentionIsRead(String retention) {
    Inventory inventory = InventoryJson.read(withRetention("com.acme.User#email", retention), "x.json");
    assertEquals(retention.isEmpty() ? null : retention, inventory.dataElements().get(0).retention());
  }

  /** Any other retention would be printed as the time limit for erasure and count for require-retention. */
  @ParameterizedTest
  @ValueSource(strings = {"forever", "2 years", "P0D", "-P1Y", "PT0S", "P1Y2M10DT2H", " P2Y"})
  void aRetentionThatIsNoPositiveIso8601PeriodOrDurationIsRefused(String retention) {
    InventoryException e = assertThrows(InventoryException.class,
        () -> InventoryJson.read(withRetention("com.acme.User#email", retention), "x.json"));
    assertEquals("x.json: bad value at dataElements[1].retention (data element com.acme.User#email), expected a"
        + " positive ISO-8601 period or duration such as P30D, P6M, P2Y or PT12H; correct it, or regenerate it by"
        + " recompiling", e.getMessage());
  }

  @Test
  void aBadRetentionsElementIdShapedLikePersonalDataIsShownMasked() {
    InventoryException e = assertThrows(InventoryException.class,
        () -> InventoryJson.read(withRetention("kim@example.com", "forever"), "x.json"));
    assertEquals("x.json: bad value at dataElements[1].retention (data element [REDACTED:email]), expected a"
        + " positive ISO-8601 period or duration such as P30D, P6M, P2Y or PT12H; correct it, or regenerate it by"
        + " recompiling", e.getMessage());
  }

  /** An inventory whose second data element in the file (dataElements[1]) has this id and retention. */
  private static byte[] withRetention(String id, String retention) {
    return ("{\"schema\":\"piiwarden-inventory/1\",\"activities\":[],\"flows\":[],\"dataElements\":["
        + "{\"id\":\"com.zeta.A#b\",\"category\":\"user.name\",\"retention\":\"P1Y\"},"
        + "{\"id\":\"" + id + "\",\"category\":\"user.contact.email\",\"retention\":\"" + retention + "\"}]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "truncated      | {\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[ | not valid JSON at line 1",
    "not an object  | [] | not a PII Warden inventory",
    "no schema      | {\"dataElements\":[]} | no \"schema\" field",
    "newer schema   | {\"schema\":\"piiwarden-inventory/2\"} | its \"schema\" is not one this version reads, which is \"piiwarden-inventory/1\"",
    "missing id     | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"activities\":[],\"dataElements\":[{\"category\":\"user.name\"}]} | dataElements[0]",
    "bad enum       | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"activities\":[],\"dataElements\":[{\"id\":\"a#b\",\"category\":\"c\",\"basis\":\"MAYBE\"}]} | bad value at dataElements[0].basis, expected one of UNSPECIFIED, CONSENT,",
    "bad number     | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"activities\":[],\"dataElements\":[{\"id\":\"a#b\",\"category\":\"c\",\"source\":{\"line\":\"MAYBE\"}}]} | bad value at dataElements[0].source.line, expected a whole number",
    "null entry     | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"activities\":[],\"dataElements\":[null]} | null entry at dataElements[0], expected an object",
    "wrong shape    | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"dataElements\":[],\"activities\":{}} | bad value at activities, expected a list",
    "missing part   | {\"schema\":\"piiwarden-inventory/1\",\"activities\":[],\"dataElements\":[],\"flows\":[{\"element\":\"a#b\"}]} | incomplete entry at flows[0]",
    "sink no target | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"dataElements\":[],\"activities\":[{\"id\":\"a#m()\",\"type\":\"a\",\"method\":\"m()\",\"sinks\":[{\"kind\":\"LOG\",\"line\":3},{\"kind\":\"LOG\",\"line\":4}]}]} | incomplete entry at activities[0].sinks[0] (\"target\" is missing)",
    "sink no kind   | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"dataElements\":[],\"activities\":[{\"id\":\"a#m()\",\"type\":\"a\",\"method\":\"m()\",\"sinks\":[{\"target\":\"t\",\"line\":3}]}]} | incomplete entry at activities[0].sinks[0] (\"kind\" is missing)",
    "bad map key    | {\"schema\":\"piiwarden-inventory/1\",\"flows\":[],\"activities\":[],\"dataElements\":[],\"summaries\":[{\"method\":\"a#m()\",\"returns\":{\"exceptMembersOf\":{\"MAYBE\":[]}}}]} | bad value at summaries[0].returns.exceptMembersOf, expected whole numbers as its keys",
    "unquoted value | {\"schema\":\"piiwarden-inventory/1\",\"dataElements\":[{\"id\":MAYBE}]} | not valid JSON at line 1, column 57"
  })
  void badInputGivesOneLineNamingTheOrigin(String name, String json, String expected) {
    InventoryException e = assertThrows(InventoryException.class,
        () -> InventoryJson.read(json.getBytes(StandardCharsets.UTF_8), "build/x.json"));
    assertTrue(e.getMessage().startsWith("build/x.json: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    assertFalse(e.getMessage().contains("[Source"), "no parser dump: " + e.getMessage());
    assertTrue(e.getMessage().contains("; "), "says what to do: " + e.getMessage());
    assertFalse(e.getMessage().contains("MAYBE") || e.getMessage().contains("/2"), "no input quoted: " + e.getMessage());
  }
}

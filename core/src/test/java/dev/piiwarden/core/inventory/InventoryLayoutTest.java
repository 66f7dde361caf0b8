package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.OnDenied;
import dev.piiwarden.annotations.Redaction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inventories are written without Jackson's data binding, in the layout it gave them: each part of
 * the model, with optional parts present and absent, written exactly as Jackson's pretty printer
 * writes it under the settings inventories were always written with (fields in order, nulls and
 * empty optional lists left out, map keys in order, two-space indents), and read back whole.
 */
class InventoryLayoutTest {
  private static final ObjectMapper JACKSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private static String jackson(Object value) throws Exception {
    return JACKSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")))
        .writeValueAsString(value) + "\n";
  }

  @Test
  void everyPartIsWrittenAsJacksonWroteIt() throws Exception {
    Inventory inventory = rich();
    assertEquals(jackson(inventory), InventoryJson.write(inventory));
    assertEquals(inventory, InventoryJson.read(InventoryJson.write(inventory).getBytes(StandardCharsets.UTF_8), "x"));
    assertEquals(jackson(Inventory.empty()), InventoryJson.write(Inventory.empty()));
    assertEquals(jackson(InventoryFixtures.specExample()), InventoryJson.write(InventoryFixtures.specExample()));
  }

  /**
   * A damaged inventory, however damaged, is read or refused with one line that says what to do:
   * 20,000 copies of one with characters replaced, spans cut out or repeated, at random.
   */
  @Test
  void aDamagedInventoryIsReadOrRefusedWithOneLine() {
    String json = InventoryJson.write(rich());
    String significant = "{}[]\",:0123456789-+.eEtrufalsn \\\n\u00e9\u0001";
    Random random = new Random(20261123);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder damaged = new StringBuilder(json);
      for (int change = 1 + random.nextInt(3); change > 0; change--) {
        int at = random.nextInt(damaged.length());
        int end = Math.min(damaged.length(), at + 1 + random.nextInt(40));
        switch (random.nextInt(3)) {
          case 0 -> damaged.setCharAt(at, significant.charAt(random.nextInt(significant.length())));
          case 1 -> damaged.delete(at, end);
          default -> damaged.insert(at, damaged.substring(at, end));
        }
        if (damaged.length() == 0) {
          damaged.append('{');
        }
      }
      byte[] bytes = damaged.toString().getBytes(StandardCharsets.UTF_8);
      try {
        InventoryJson.read(bytes, "x.json");
      } catch (InventoryException refused) {
        assertTrue(refused.getMessage().startsWith("x.json: ") && !refused.getMessage().contains("\n")
            && refused.getMessage().contains("; "), refused.getMessage());
      }
    }
  }

  private static Inventory rich() {
    DataElement quoted = new DataElement("com.acme.User#note", "com.acme.User", "note", ElementKind.METHOD,
        "user.content", List.of(), "employee \"staff\"", LawfulBasis.LEGAL_OBLIGATION, null, Redaction.PARTIAL,
        true, true, null);
    Activity bare = new Activity("com.acme.Jobs#run()", "com.acme.Jobs", "run()", null, List.of(), null, null,
        List.of(), List.of(), List.of());
    ArgumentPass full = new ArgumentPass("com.acme.Mailer#send(java.lang.String,int)", 1, 7,
        List.of("com.acme.User#email"), List.of(0, 2), Confidence.VIA_CALL,
        List.of(new CallResult("com.acme.Users#find(long)", 6)),
        Map.of(10, List.of("com.acme.User#name"), 2, List.of("com.acme.User#email")), true,
        List.of("com.acme.Smtp"));
    ArgumentPass plain = new ArgumentPass("com.acme.Log#write(java.lang.Object)", 0, 9, List.of(), List.of(1),
        Confidence.DIRECT, List.of(), Map.of(), false, List.of());
    MethodSummary rich = new MethodSummary("com.acme.Mailer#deliver(com.acme.User)",
        List.of("com.acme.Sender#deliver(com.acme.User)"), List.of(full, plain),
        List.of(new ParameterSink(0, SinkKind.HTTP, "java.net.http.HttpClient#send", 12, Confidence.VIA_LOCAL,
            List.of("com.acme.User#id")), new ParameterSink(1, SinkKind.LOG, "tab\there\u0001", 3, Confidence.LAMBDA)),
        new ReturnValue(List.of("com.acme.User#email"), List.of(0),
            List.of(new CallResult("com.acme.Users#find(long)", 6)), Map.of(0, List.of("com.acme.User#id"))),
        List.of(new ResultSink(new CallResult("com.acme.Users#find(long)", 6), SinkKind.DATABASE,
            "javax.persistence.EntityManager#persist", 8, Confidence.VIA_CALL)),
        List.of("com.acme.Sender", "java.io.Serializable"));
    MethodSummary small = new MethodSummary("com.acme.Jobs#run()", List.of(), List.of(), List.of(),
        new ReturnValue(List.of(), List.of(), List.of(), Map.of()), List.of(), List.of());
    return new Inventory(Inventory.SCHEMA,
        List.of(InventoryFixtures.email(), quoted), List.of(InventoryFixtures.newsletter(), bare),
        List.of(InventoryFixtures.emailToLog()), List.of(rich, small));
  }
}

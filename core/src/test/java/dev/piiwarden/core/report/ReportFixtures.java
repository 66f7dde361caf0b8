package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The fixture inventory of the report tests and golden files. Run with {@code
 * -Dpiiwarden.golden.update=true} to rewrite the golden files after a deliberate change.
 */
public final class ReportFixtures {
  private static final Path GOLDEN = Path.of("src/test/resources/dev/piiwarden/core/report/golden");

  private ReportFixtures() {}

  /** Checkout logs a card number, a patient record without a basis, a marketing activity without consent. */
  public static Inventory inventory() {
    return read("/dev/piiwarden/core/report/fixture-inventory.json");
  }

  /** Reads an inventory from the test resources. */
  public static Inventory read(String resource) {
    try (InputStream in = ReportFixtures.class.getResourceAsStream(resource)) {
      return InventoryJson.read(in.readAllBytes(), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares {@code actual} with the golden file {@code name}. */
  public static void assertGolden(String name, String actual) {
    Path file = GOLDEN.resolve(name);
    try {
      if (Boolean.getBoolean("piiwarden.golden.update")) {
        Files.createDirectories(GOLDEN);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

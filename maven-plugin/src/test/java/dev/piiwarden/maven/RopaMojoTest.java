package dev.piiwarden.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The records of a module: what the build log says about them. */
class RopaMojoTest {
  @TempDir Path dir;

  @Test
  void anActivityReadingDataOfAnotherModuleIsAWarning() throws Exception {
    Path classes = dir.resolve("classes");
    ClassFolder.withFragment(classes, "com.acme.billing.Payout", """
        {"schema": "piiwarden-inventory/1", "dataElements": [], "flows": [],
         "activities": [{"id": "com.acme.billing.Payout#pay(com.acme.model.Account)", "type": "com.acme.billing.Payout",
           "method": "pay(com.acme.model.Account)", "name": "Payout", "purposes": ["essential.service"],
           "reads": ["com.acme.model.Account#iban"]}]}
        """);
    RopaMojo ropa = new RopaMojo();
    ropa.classesDirectory = classes.toFile();
    ropa.outputDirectory = dir.resolve("out").toFile();
    ropa.formats = "md";
    RecordingLog log = new RecordingLog();
    ropa.setLog(log);

    ropa.execute();

    assertEquals(List.of("PII Warden ropa: activity Payout reads 1 data element not in this module's inventory, so"
        + " its record leaves it out; set aggregate to write the records of the whole reactor"), log.at("WARN"));
    assertTrue(Files.readString(dir.resolve("out/ropa.md")).contains("Payout"));
  }
}

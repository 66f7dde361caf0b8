package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.inventory.InventoryMerger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class recompiled on its own into the same output folder (plain javac, Maven without
 * incremental compilation) that no longer holds or handles personal data: its earlier fragment is
 * overwritten by an empty one, so the merged inventory forgets what the code no longer does. A
 * class that never had a fragment still gets none.
 */
class StaleFragmentTest {
  private static final String USER = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class User {
        @PersonalData(category = "user.contact.email", basis = LawfulBasis.CONTRACT)
        String email;
        public String getEmail() { return email; }
      }
      """;
  private static final String PRINTER_LOGGING = """
      package com.acme;
      public class Printer {
        public void run(User user) { System.out.println(user.getEmail()); }
      }
      """;
  private static final String PRINTER_CLEAN = """
      package com.acme;
      public class Printer {
        public void run(User user) { System.out.println("user updated"); }
      }
      """;
  private static final String PLAIN = """
      package com.acme;
      public class Plain {
        public int one() { return 1; }
      }
      """;

  @Test
  void aClassThatStopsHandlingPersonalDataGetsItsFragmentEmptied(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src/com/acme");
    Files.createDirectories(src);
    Path user = Files.writeString(src.resolve("User.java"), USER);
    Path printer = Files.writeString(src.resolve("Printer.java"), PRINTER_LOGGING);
    Path plain = Files.writeString(src.resolve("Plain.java"), PLAIN);
    RealCompilation first = RealCompilation.run(dir.resolve("out"), List.of(user, printer, plain), List.of());
    assertWithMessage(first.all()).that(first.success).isTrue();
    Path fragment = first.classes.resolve("META-INF/piiwarden/types/com.acme.Printer.json");
    assertThat(InventoryJson.read(fragment).activities()).isNotEmpty();
    assertThat(merged(first.classes).flows()).isNotEmpty();
    assertThat(Files.exists(first.classes.resolve("META-INF/piiwarden/types/com.acme.Plain.json"))).isFalse();

    Files.writeString(printer, PRINTER_CLEAN);
    RealCompilation second = RealCompilation.run(dir.resolve("out"), List.of(printer, plain), List.of());
    assertWithMessage(second.all()).that(second.success).isTrue();
    Inventory emptied = InventoryJson.read(fragment);
    assertThat(emptied.dataElements()).isEmpty();
    assertThat(emptied.activities()).isEmpty();
    assertThat(emptied.summaries()).isEmpty();
    Inventory merged = merged(second.classes);
    assertThat(merged.flows()).isEmpty();
    assertThat(merged.dataElements()).hasSize(1); // User was not recompiled: its fragment stays
    assertThat(Files.exists(second.classes.resolve("META-INF/piiwarden/types/com.acme.Plain.json"))).isFalse();
  }

  @Test
  void withoutTheBodyAnalysisAClassThatLosesItsAnnotationsGetsItsFragmentEmptied(@TempDir Path dir)
      throws IOException {
    Path src = dir.resolve("src/com/acme");
    Files.createDirectories(src);
    Path user = Files.writeString(src.resolve("User.java"), USER);
    Path plain = Files.writeString(src.resolve("Plain.java"), PLAIN);
    RealCompilation first = RealCompilation.run(dir.resolve("out"), List.of(user, plain),
        List.of("-Apiiwarden.flow=false"));
    assertWithMessage(first.all()).that(first.success).isTrue();
    Path fragment = first.classes.resolve("META-INF/piiwarden/types/com.acme.User.json");
    assertThat(InventoryJson.read(fragment).dataElements()).hasSize(1);

    Files.writeString(user, USER.replace("@PersonalData(category = \"user.contact.email\", basis = LawfulBasis.CONTRACT)", ""));
    RealCompilation second = RealCompilation.run(dir.resolve("out"), List.of(user, plain),
        List.of("-Apiiwarden.flow=false"));
    assertWithMessage(second.all()).that(second.success).isTrue();
    assertThat(InventoryJson.read(fragment).dataElements()).isEmpty();
    assertThat(merged(second.classes).dataElements()).isEmpty();
    assertThat(Files.exists(second.classes.resolve("META-INF/piiwarden/types/com.acme.Plain.json"))).isFalse();
  }

  private static Inventory merged(Path classes) {
    return InventoryMerger.merge(InventoryInputs.readAll(List.of(classes))).inventory();
  }
}

package dev.piiwarden.cli;

import dev.piiwarden.annotations.LawfulBasis;
import dev.piiwarden.annotations.OnDenied;
import dev.piiwarden.annotations.Redaction;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.ConsentRequirement;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.inventory.SourceLocation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Inputs as a build leaves them: fragments in a class folder and in a jar, and an inventory file,
 * written with core's model and JSON so the tests follow the format.
 */
public final class FragmentFixtures {
  public static final DataElement USER_EMAIL =
      element("com.acme.User", "email", "user.contact.email", List.of("essential.service"),
          "customer", LawfulBasis.CONTRACT, "P2Y", false, false, 12);
  public static final DataElement USER_NAME =
      element("com.acme.User", "name", "user.name", List.of("essential.service"),
          "customer", LawfulBasis.CONTRACT, null, false, false, 14);
  public static final DataElement ORDER_ADDRESS =
      element("com.acme.Order", "shippingAddress", "user.contact.address",
          List.of("essential.service"), "customer", LawfulBasis.CONTRACT, "P90D", false, false, 9);
  public static final DataElement PATIENT_DIAGNOSIS =
      element("com.acme.Patient", "diagnosis", "user.health_and_medical",
          List.of("essential.service"), "patient", LawfulBasis.CONSENT, "P10Y", true, true, 21);
  public static final Activity NEWSLETTER_SEND =
      new Activity(
          "com.acme.Newsletter#send(com.acme.User)",
          "com.acme.Newsletter",
          "send(com.acme.User)",
          "Newsletter",
          List.of("marketing.communications.email"),
          new ConsentRequirement(List.of("marketing.communications.email"), OnDenied.THROW),
          "PARAMETER 0",
          List.of(USER_EMAIL.id()),
          List.of(),
          List.of());

  private FragmentFixtures() {}

  /** {@code root/classes} with fragments for {@code com.acme.User} and {@code com.acme.Newsletter}. */
  public static Path classFolder(Path root) throws IOException {
    Path classes = root.resolve("classes");
    writeFragment(classes, "com.acme.User", inventory(List.of(USER_EMAIL, USER_NAME), List.of()));
    writeFragment(classes, "com.acme.Newsletter", inventory(List.of(), List.of(NEWSLETTER_SEND)));
    return classes;
  }

  /** {@code root/orders.jar} with the fragment for {@code com.acme.Order} and a class file. */
  public static Path jar(Path root) throws IOException {
    return jar(
        root.resolve("orders.jar"),
        Map.of(
            InventoryInputs.FRAGMENT_FOLDER + "com.acme.Order.json",
            InventoryJson.write(inventory(List.of(ORDER_ADDRESS), List.of())),
            "com/acme/Order.class",
            "not really bytecode"));
  }

  /**
   * {@code root/app.war}: the fragments of {@link #classFolder} under {@code WEB-INF/classes} and
   * {@link #jar} as {@code WEB-INF/lib/orders.jar}, as a war plugin packs a web module and its
   * dependency.
   */
  public static Path war(Path root) throws IOException {
    Path classes = classFolder(root.resolve("war-classes"));
    Path war = root.resolve("app.war");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(war))) {
      for (String type : List.of("com.acme.Newsletter", "com.acme.User")) {
        out.putNextEntry(new JarEntry("WEB-INF/classes/" + InventoryInputs.FRAGMENT_FOLDER + type + ".json"));
        out.write(Files.readAllBytes(fragmentPath(classes, type)));
      }
      out.putNextEntry(new JarEntry("WEB-INF/lib/orders.jar"));
      out.write(Files.readAllBytes(jar(root.resolve("war-lib"))));
    }
    return war;
  }

  /** {@code root/patients-inventory.json}: a merged inventory of another module. */
  public static Path inventoryFile(Path root) throws IOException {
    Path file = root.resolve("patients-inventory.json");
    InventoryJson.write(inventory(List.of(PATIENT_DIAGNOSIS), List.of()), file);
    return file;
  }

  /** What merging {@link #classFolder}, {@link #jar} and {@link #inventoryFile} gives. */
  public static Inventory mergedOfAll() {
    return inventory(
        List.of(USER_EMAIL, USER_NAME, ORDER_ADDRESS, PATIENT_DIAGNOSIS), List.of(NEWSLETTER_SEND));
  }

  /** An inventory of these parts, without flows. */
  public static Inventory inventory(List<DataElement> elements, List<Activity> activities) {
    return new Inventory(elements, activities, List.of());
  }

  /** Writes {@code classes/META-INF/piiwarden/types/<type>.json}. */
  public static Path writeFragment(Path classes, String type, Inventory fragment) throws IOException {
    Path file = fragmentPath(classes, type);
    InventoryJson.write(fragment, file);
    return file;
  }

  /** Where the processor puts the fragment of {@code type} under {@code classes}. */
  public static Path fragmentPath(Path classes, String type) {
    return classes.resolve(InventoryInputs.FRAGMENT_FOLDER + type + ".json");
  }

  /** Writes a jar with these entries (name to UTF-8 content). */
  public static Path jar(Path file, Map<String, String> entries) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      for (String name : entries.keySet().stream().sorted().toList()) {
        jar.putNextEntry(new JarEntry(name));
        jar.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
        jar.closeEntry();
      }
    }
    return file;
  }

  /** A field element of {@code type}. */
  public static DataElement element(
      String type,
      String member,
      String category,
      List<String> purposes,
      String subject,
      LawfulBasis basis,
      String retention,
      boolean special,
      boolean sensitive,
      int line) {
    return new DataElement(
        type + "#" + member,
        type,
        member,
        ElementKind.FIELD,
        category,
        purposes,
        subject,
        basis,
        retention,
        Redaction.MASK,
        special,
        sensitive,
        new SourceLocation(type.replace('.', '/') + ".java", line));
  }
}

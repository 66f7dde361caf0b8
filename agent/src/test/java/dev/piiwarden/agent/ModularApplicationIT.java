package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.piiwarden.core.redaction.Redactor;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application that is a named module ({@code java -p … -m …}) with an ordinary {@code
 * module-info.java}, which opens none of its packages: with the agent, started with it or attached
 * later, its annotated objects are redacted in its logs and by {@code PersonalDataExport.redact}
 * and exported by {@code PersonalDataExport.export}, and its {@code @ConsentRequired} methods are
 * enforced. Without the agent, the export says which package to open.
 */
class ModularApplicationIT {
  private static final Map<String, String> SOURCES = Map.of(
      "module-info.java", """
          module com.acme.modular {
            requires dev.piiwarden.annotations;
            requires java.logging;
          }
          """,
      "com/acme/modular/Customer.java", """
          package com.acme.modular;
          import dev.piiwarden.annotations.*;
          public record Customer(
              @DataSubject String id,
              @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
                  String email) {}
          """,
      "com/acme/modular/internal/Account.java", """
          package com.acme.modular.internal;
          import dev.piiwarden.annotations.*;
          public class Account {
            @DataSubject private final String id;
            @PersonalData(category = Category.USER_CONTACT_PHONE_NUMBER, redaction = Redaction.PARTIAL)
            private final String phone;
            public Account(String id, String phone) { this.id = id; this.phone = phone; }
            @Override public String toString() { return "Account " + id + " " + phone; }
          }
          """,
      "com/acme/modular/Mailer.java", """
          package com.acme.modular;
          import dev.piiwarden.annotations.*;
          class Mailer {
            @ConsentRequired(Purpose.MARKETING)
            static String mail(@DataSubject String id) {
              return "sent";
            }
          }
          """,
      "com/acme/modular/ModularApp.java", """
          package com.acme.modular;
          import com.acme.modular.internal.Account;
          import dev.piiwarden.annotations.*;
          import dev.piiwarden.api.*;
          import java.io.*;
          import java.util.logging.*;
          public class ModularApp {
            private static final Logger LOG = Logger.getLogger("modular");

            public static void main(String[] args) throws Exception {
              Customer customer = new Customer("cust-42", "jane.doe@example.com");
              Account account = new Account("cust-42", "+44 20 7946 0958");
              if (args[1].equals("wait")) {
                // every class of the module is loaded before the agent comes
                for (Object object : new Object[] {customer, account}) {
                  try {
                    PersonalDataExport.export(object);
                    System.out.println("beforeAttach=exported");
                  } catch (IllegalStateException e) {
                    System.out.println("beforeAttach=failed");
                  }
                }
                System.out.println("ready=true");
                new BufferedReader(new InputStreamReader(System.in)).readLine();
              }
              FileHandler file = new FileHandler(args[0]);
              file.setFormatter(new SimpleFormatter());
              LOG.setUseParentHandlers(false);
              LOG.addHandler(file);
              LOG.log(Level.INFO, "customer {0} account {1}", new Object[] {customer, account});
              file.close();
              try {
                System.out.println("redact=" + PersonalDataExport.redact(customer) + " "
                    + PersonalDataExport.redact(account));
              } catch (IllegalStateException e) {
                System.out.println("redact=failed:" + e.getMessage());
              }
              try {
                StringBuilder exported = new StringBuilder();
                for (PersonalDataExport.Entry entry : PersonalDataExport.export(customer, account)) {
                  exported.append(entry.member()).append(':').append(entry.category()).append(':')
                      .append(entry.value().equals(customer.email()) || entry.value().equals("+44 20 7946 0958"))
                      .append(' ');
                }
                System.out.println("export=" + exported.toString().trim());
              } catch (IllegalStateException e) {
                System.out.println("export=failed:" + e.getMessage());
              }
              Module self = ModularApp.class.getModule();
              Module classPath = ClassLoader.getSystemClassLoader().getUnnamedModule();
              String internal = "com.acme.modular.internal";
              System.out.println("opened=" + self.isOpen(internal, PersonalDataExport.class.getModule())
                  + "," + self.isOpen(internal, classPath) + "," + self.isOpen(internal));
              if (args[1].equals("run")) {
                try {
                  System.out.println("mail=ran:" + Mailer.mail("cust-42"));
                } catch (ConsentDeniedException e) {
                  System.out.println("mail=denied:" + e.reason());
                }
              }
            }
          }
          """);

  @TempDir Path folder;

  @Test
  void annotatedObjectsOfANamedModuleAreRedactedAndExportedWithTheAgent() throws Exception {
    Path log = folder.resolve("app.log");
    FixtureJvm.Result run = FixtureJvm.current()
        .agent("audit.sink=none")
        .run(command(log, "run"));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertRedactedAndExported(run, log);
    assertEquals("denied:NOT_GRANTED", run.outcome("mail"), "enforced in a named module");
    assertEquals("true,true,false", run.outcome("opened"),
        "open to piiwarden-annotations and to the agent (on the class path), to no one else");
  }

  /** No class of the module loads after the attach, and none is retransformed by it. */
  @Test
  void theModulesOfClassesLoadedBeforeAnAttachAreOpenedToo() throws Exception {
    Path log = folder.resolve("app.log");
    Process app = FixtureJvm.current().start(command(log, "wait"));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!Files.readString(FixtureJvm.stdout(app)).contains("ready=true")) {
      assertTrue(app.isAlive() && System.nanoTime() < deadline, "the app got ready");
      Thread.sleep(50);
    }
    VirtualMachine vm = VirtualMachine.attach(Long.toString(app.pid()));
    try {
      vm.loadAgent(FixtureJvm.AGENT_JAR.toString(), "audit.sink=none");
    } finally {
      vm.detach();
    }
    FixtureJvm.Result run = FixtureJvm.finish(app, "go\n");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("failed", run.outcome("beforeAttach"), run::toString);
    assertRedactedAndExported(run, log);
  }

  @Test
  void withoutTheAgentTheExportSaysWhichPackageToOpen() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().run(command(folder.resolve("app.log"), "run"));

    assertEquals("failed:The PII Warden descriptor com.acme.modular.Customer_PiiWardenDescriptor"
        + " cannot be loaded: module com.acme.modular does not export package com.acme.modular to"
        + " dev.piiwarden.annotations; add 'exports com.acme.modular to dev.piiwarden.annotations;'"
        + " to its module-info.java (or --add-exports com.acme.modular/com.acme.modular="
        + "dev.piiwarden.annotations); if its classes refer to other objects, 'opens com.acme.modular"
        + " to dev.piiwarden.annotations;' instead, as those are read by reflection",
        run.outcome("export"), run::toString);
    assertEquals("false,false,false", run.outcome("opened"));
  }

  /**
   * piiwarden-core renders for {@code redact}, on the class path or on the module path (as the
   * automatic module {@code dev.piiwarden.core}): it writes what it cannot read as {@code
   * [REDACTION_FAILED]} and says once on stderr which package to export, and to which module.
   */
  @ParameterizedTest(name = "core on the {0}")
  @ValueSource(strings = {"class path", "module path"})
  void withoutTheAgentCoresRedactionSaysWhichPackageToExport(String where) throws Exception {
    String core = FixtureJvm.locationOf(Redactor.class) + File.pathSeparator
        + FixtureJvm.locationOf(com.google.re2j.Pattern.class);
    List<String> arguments = new ArrayList<>(command(folder.resolve("app.log"), "run"));
    boolean modular = where.equals("module path");
    if (modular) {
      arguments.set(1, arguments.get(1) + File.pathSeparator + core);
    } else {
      arguments.addAll(0, List.of("-cp", core));
    }
    FixtureJvm.Result run = FixtureJvm.current().run(arguments);

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("[REDACTION_FAILED] [REDACTION_FAILED]", run.outcome("redact"), run::toString);
    String reader = modular ? "module dev.piiwarden.core" : "the class path";
    String to = modular ? " to dev.piiwarden.core" : "";
    String named = modular ? "dev.piiwarden.core" : "ALL-UNNAMED";
    List<String> lines = new ArrayList<>();
    for (String pkg : List.of("com.acme.modular", "com.acme.modular.internal")) {
      String type = pkg.equals("com.acme.modular") ? "Customer" : "Account";
      lines.add("piiwarden: PersonalDataExport.redact wrote [REDACTION_FAILED] in place of what it"
          + " could not redact: The PII Warden descriptor " + pkg + "." + type + "_PiiWardenDescriptor"
          + " cannot be loaded: module com.acme.modular does not export package " + pkg + " to "
          + (modular ? "dev.piiwarden.core" : reader) + "; add 'exports " + pkg + to + ";' to its"
          + " module-info.java (or --add-exports com.acme.modular/" + pkg + "=" + named + "); if its"
          + " classes refer to other objects, 'opens " + pkg + to + ";' instead, as those are read by"
          + " reflection");
    }
    assertEquals(lines, run.stderr().lines().filter(line -> line.startsWith("piiwarden:")).toList(),
        run::toString);
    for (String text : List.of(run.stdout(), run.stderr())) {
      assertFalse(text.contains("jane.doe") || text.contains("7946"), text);
    }
  }

  private static void assertRedactedAndExported(FixtureJvm.Result run, Path log) throws Exception {
    String written = Files.readString(log);
    assertTrue(written.contains("customer Customer{id=cust-42, email=[REDACTED:user.contact.email]}"
        + " account Account{id=cust-42, phone=************0958}"), written);
    assertEquals("Customer{id=cust-42, email=[REDACTED:user.contact.email]}"
        + " Account{id=cust-42, phone=************0958}", run.outcome("redact"), run::toString);
    assertEquals("email:user.contact.email:true phone:user.contact.phone_number:true",
        run.outcome("export"), run::toString);
    for (String text : List.of(written, run.stdout(), run.stderr())) {
      assertFalse(text.contains("jane.doe") || text.contains("7946"), text);
      assertFalse(text.contains("REDACTION_FAILED"), text);
    }
  }

  /** The application compiled with the processor into a modular jar, run from the module path. */
  private List<String> command(Path log, String mode) throws Exception {
    Path modules = Files.createDirectories(folder.resolve("modules"));
    Path jar = modules.resolve("com.acme.modular.jar");
    if (!Files.exists(jar)) {
      jar(compile(modules), jar, null);
    }
    return List.of("-p", modules.toString(), "-m", "com.acme.modular/com.acme.modular.ModularApp",
        log.toString(), mode);
  }

  /** Compiles the sources into a folder; piiwarden-annotations goes into {@code modules}. */
  private Path compile(Path modules) throws Exception {
    Path annotations = FixtureJvm.annotations();
    Path annotationsJar = modules.resolve("piiwarden-annotations.jar");
    if (Files.isDirectory(annotations)) {
      jar(annotations, annotationsJar, "dev.piiwarden.annotations");
    } else {
      Files.copy(annotations, annotationsJar);
    }
    Path classes = ProcessedSources.compile(folder, SOURCES,
        List.of("--module-path", annotationsJar.toString()));
    assertTrue(Files.isRegularFile(classes.resolve("com/acme/modular/Customer_PiiWardenDescriptor.class")),
        "the processor wrote the descriptor");
    return classes;
  }

  /** A jar of {@code classes}, with an {@code Automatic-Module-Name} when one is given. */
  private static void jar(Path classes, Path jar, String automaticName) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (automaticName != null) {
      manifest.getMainAttributes().putValue("Automatic-Module-Name", automaticName);
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
        if (name.equals("META-INF/MANIFEST.MF")) {
          continue;
        }
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record patterns (Java 21, {@code _} Java 22): a binding of a record component reads that component,
 * and carries it like a local assigned from its accessor. The processor runs on JDK 17, whose javac
 * cannot parse them: compiled in this JVM when it is JDK 22 or later, else with JDK 25's javac at
 * {@code /usr/lib/jvm/temurin-25-jdk-amd64}; skipped when neither is there.
 */
class RecordPatternsTest {
  private static final Path JAVAC_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac");
  private static final String PAYMENTS = "com.acme.Payments";
  private static final String PAN = "com.acme.Payments$Card#pan";
  private static final String IBAN = "com.acme.Payments$Iban#iban";

  static final String SOURCE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      import org.slf4j.Logger;
      public class Payments {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Payments.class);
        public sealed interface Method permits Card, Iban {}
        public record Card(@PersonalData(category = Category.USER_FINANCIAL_CREDIT_CARD, basis = LawfulBasis.CONTRACT)
            String pan, String expiry) implements Method {}
        public record Iban(@PersonalData(category = Category.USER_FINANCIAL_BANK_ACCOUNT, basis = LawfulBasis.CONTRACT)
            String iban) implements Method {}
        public record Wrapper(Method method, String note) {}
        public String describe(Method method) {
          String text = switch (method) {
            case Card(var pan, var expiry) when expiry.startsWith("12") -> "card " + pan; // read:pan
            case Card c -> "card " + c.expiry();
            case Iban(String iban) -> "iban " + iban; // read:iban
          };
          log.info("method {}", text); // sink:switch
          return text;
        }
        public void nested(Wrapper wrapper) {
          if (wrapper instanceof Wrapper(Card(String pan, String expiry), String note)) { // read:nested
            log.info("pan {}", pan); // sink:nested
          }
        }
        public void unnamed(Object value) {
          if (value instanceof Card(var pan, _)) {
            System.out.println(pan); // sink:unnamed
          }
        }
        public void expiryOnly(Method method) {
          if (method instanceof Card(var pan, var expiry)) {
            log.info("expiry {}", expiry);
          }
        }
      }
      """;

  /** The fragment of {@code Payments} and the warnings as {@code line: message}. */
  private record Result(Inventory fragment, List<String> warnings) {}

  private static Result result;

  @BeforeAll
  static void compile(@TempDir Path folder) throws IOException, InterruptedException {
    if (Runtime.version().feature() >= 22) {
      FlowCompilation compiled = FlowCompilation.compile(List.of("--release", "22"),
          FlowCompilation.source(PAYMENTS, SOURCE));
      List<String> warnings = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : compiled.compilation.diagnostics()) {
        if (d.getKind() == Diagnostic.Kind.WARNING) {
          warnings.add(d.getLineNumber() + ": " + d.getMessage(null));
        }
      }
      result = new Result(compiled.fragment(PAYMENTS), warnings);
      return;
    }
    Assumptions.assumeTrue(Files.isExecutable(JAVAC_25), "neither JDK 22+ nor " + JAVAC_25);
    result = compileWithJavac25(folder);
  }

  private static Result compileWithJavac25(Path folder) throws IOException, InterruptedException {
    Path sources = folder.resolve("src");
    List<String> command = new ArrayList<>();
    String classPath = System.getProperty("java.class.path");
    command.addAll(List.of(JAVAC_25.toString(), "-proc:full", "--release", "22", "-processorpath", classPath,
        "-cp", classPath, "-d", folder.resolve("classes").toString(), "-s", folder.resolve("generated").toString()));
    List<JavaFileObject> all = new ArrayList<>(SinkStubs.all());
    all.add(FlowCompilation.source(PAYMENTS, SOURCE));
    for (JavaFileObject file : all) {
      Path path = sources.resolve(file.getName().substring(1));
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getCharContent(true));
      command.add(path.toString());
    }
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertWithMessage("javac did not finish").that(javac.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertWithMessage(log).that(javac.exitValue()).isEqualTo(0);
    List<String> warnings = new ArrayList<>();
    Matcher warning = Pattern.compile("Payments\\.java:(\\d+): warning: (.*)").matcher(log);
    while (warning.find()) {
      warnings.add(warning.group(1) + ": " + warning.group(2));
    }
    Inventory fragment = InventoryJson.read(folder.resolve("classes/META-INF/piiwarden/types/" + PAYMENTS + ".json"));
    return new Result(fragment, warnings);
  }

  private static Activity activity(String method) {
    return result.fragment().activities().stream().filter(a -> a.id().equals(PAYMENTS + "#" + method)).findFirst()
        .orElseThrow(() -> new AssertionError("no activity " + method + " in " + result.fragment().activities()));
  }

  private static SinkRecord sink(SinkKind kind, String target, String marker, String... elements) {
    return FlowCompilation.sinkAt(SOURCE, marker, kind, target, Confidence.VIA_LOCAL, elements);
  }

  private static String pw018(String marker, String element, String sink) {
    return FlowCompilation.line(SOURCE, marker) + ": PW018: Personal data " + element + " reaches the " + sink + ".";
  }

  @Test
  void aComponentBoundInASwitchIsReadAndFollowed() {
    Activity describe = activity("describe(com.acme.Payments$Method)");
    assertThat(describe.reads()).containsExactly(PAN, IBAN);
    assertThat(describe.sinks()).containsExactly(sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:switch", IBAN, PAN));
  }

  @Test
  void aComponentBoundInANestedPatternIsReadAndFollowed() {
    Activity nested = activity("nested(com.acme.Payments$Wrapper)");
    assertThat(nested.reads()).containsExactly(PAN);
    assertThat(nested.sinks()).containsExactly(sink(SinkKind.LOG, "org.slf4j.Logger#info", "sink:nested", PAN));
  }

  @Test
  void unnamedPatternsKeepTheComponentsInPlace() {
    assertThat(activity("unnamed(java.lang.Object)").sinks())
        .containsExactly(sink(SinkKind.CONSOLE, "java.io.PrintStream#println", "sink:unnamed", PAN));
  }

  @Test
  void aComponentThatIsNoPersonalDataCarriesNone() {
    assertThat(activity("expiryOnly(com.acme.Payments$Method)").sinks()).isEmpty();
  }

  @Test
  void eachLogIsAWarning() {
    List<String> reaches = result.warnings().stream().filter(w -> w.contains("PW018"))
        .map(w -> w.substring(0, w.indexOf(" The PII Warden agent"))).toList();
    assertThat(reaches).containsExactly(
        pw018("sink:switch", PAN + ", " + IBAN, "LOG sink org.slf4j.Logger#info"),
        pw018("sink:nested", PAN, "LOG sink org.slf4j.Logger#info"),
        pw018("sink:unnamed", PAN, "CONSOLE sink java.io.PrintStream#println"));
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Values derived from personal data that carry none of it: {@code PersonalDataExport.redact}, the
 * log-safe rendering PW018 recommends, and a comparison about a value. Logging them is no sink,
 * no flow and no PW018, while {@code PersonalDataExport.export}, which returns the values, still is.
 */
class LogSafeValuesTest {
  private static final String SUPPORT = """
      package com.acme;
      import dev.piiwarden.api.PersonalDataExport;
      import java.util.List;
      import org.slf4j.Logger;
      import org.slf4j.LoggerFactory;
      public class Support {
        private static final Logger log = LoggerFactory.getLogger(Support.class);
        public void ticket(User user) {
          log.info(PersonalDataExport.redact(user)); // redacted:direct
          log.info("ticket for {}", PersonalDataExport.redact(user)); // redacted:argument
          String rendered = PersonalDataExport.redact(user);
          log.info("ticket for {}", rendered); // redacted:local
          log.info(line(user)); // redacted:returned
          note(user);
        }
        public void batch(List<User> users) {
          users.stream().map(PersonalDataExport::redact).forEach(log::info); // redacted:reference
          users.forEach(u -> log.info(PersonalDataExport.redact(u))); // redacted:lambda
        }
        public void checks(User user) {
          log.info("has email: {}", user.getEmail() != null); // compared:null
          log.info("long name: {}", user.name.length() > 20); // compared:length
          log.info("same: {}", user.name == user.getEmail()); // compared:values
          log.info("blank: {}", user.getEmail().isBlank()); // boolean
        }
        public void export(User user) {
          log.info("export {}", PersonalDataExport.export(user)); // exported
        }
        String line(User user) {
          return PersonalDataExport.redact(user);
        }
        void note(User user) {
          log.info(PersonalDataExport.redact(user)); // redacted:parameter
        }
      }
      """;

  private static FlowCompilation compile(List<String> options) {
    return FlowCompilation.compile(options, FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Support", SUPPORT));
  }

  private static JavaFileObject support(FlowCompilation compiled) {
    return compiled.compilation.sourceFiles().stream()
        .filter(file -> file.getName().endsWith("Support.java")).findFirst().orElseThrow();
  }

  /** The PW018 lines of Support, in order. */
  private static List<Long> loggedLines(FlowCompilation compiled, Diagnostic.Kind kind) {
    return compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind && d.getMessage(null).startsWith("PW018"))
        .filter(d -> d.getSource() != null && d.getSource().getName().endsWith("Support.java"))
        .map(Diagnostic::getLineNumber)
        .toList();
  }

  @Test
  void onlyTheExportedValuesReachTheLog() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation).succeeded();
    assertThat(loggedLines(compiled, Diagnostic.Kind.WARNING))
        .containsExactly((long) FlowCompilation.line(SUPPORT, "exported"));
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.Person#name, com.acme.User#email, com.acme.User#phone"
            + " reaches the LOG sink org.slf4j.Logger#info.")
        .inFile(support(compiled)).onLineContaining("// exported");
  }

  @Test
  void aStrictBuildSucceedsWithTheRecommendedFix() {
    String redactedOnly = SUPPORT.replace("log.info(\"export {}\", PersonalDataExport.export(user));", "");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.strict=true"), FlowFixtures.person(),
        FlowFixtures.user(), FlowCompilation.source("com.acme.Support", redactedOnly));
    assertThat(compiled.compilation).succeededWithoutWarnings();
  }

  @Test
  void theRedactedRenderingIsNoSinkAndNoFlow() {
    FlowCompilation compiled = compile(List.of());
    List<String> activities =
        compiled.fragment("com.acme.Support").activities().stream().map(Activity::id).toList();
    // ticket, batch and line hand the whole user only to redact: they read nothing and sink nothing
    assertThat(activities).containsExactly("com.acme.Support#checks(com.acme.User)",
        "com.acme.Support#export(com.acme.User)");
    Activity export = compiled.activity("com.acme.Support", "com.acme.Support#export(com.acme.User)");
    assertThat(export.sinks()).containsExactly(FlowCompilation.sinkAt(SUPPORT, "exported", SinkKind.LOG,
        "org.slf4j.Logger#info", Confidence.VIA_CALL, FlowFixtures.NAME, FlowFixtures.EMAIL, FlowFixtures.PHONE));
    assertThat(compiled.merged().flows()).containsExactly(
        new Flow(FlowFixtures.NAME, SinkKind.LOG, "org.slf4j.Logger#info",
            List.of("com.acme.Support#export(com.acme.User)")),
        new Flow(FlowFixtures.EMAIL, SinkKind.LOG, "org.slf4j.Logger#info",
            List.of("com.acme.Support#export(com.acme.User)")),
        new Flow(FlowFixtures.PHONE, SinkKind.LOG, "org.slf4j.Logger#info",
            List.of("com.acme.Support#export(com.acme.User)")));
  }

  @Test
  void aComparisonIsReadButCarriesNothing() {
    FlowCompilation compiled = compile(List.of());
    Activity checks = compiled.activity("com.acme.Support", "com.acme.Support#checks(com.acme.User)");
    assertThat(checks.reads()).containsExactly(FlowFixtures.NAME, FlowFixtures.EMAIL);
    assertThat(checks.sinks()).isEmpty();
  }
}

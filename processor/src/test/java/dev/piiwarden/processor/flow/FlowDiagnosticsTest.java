package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Given this body, this diagnostic on the line of the read or call. */
class FlowDiagnosticsTest {
  private static final JavaFileObject CAMPAIGN = FlowCompilation.source("com.acme.Campaign", """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class Campaign {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Campaign.class);
        @ProcessingActivity(name = "Campaign", purposes = Purpose.MARKETING_COMMUNICATIONS_EMAIL)
        @ConsentRequired(Purpose.MARKETING)
        public void mail(User user) {
          String to = user.getEmail(); // read:email
          String phone = user.getPhone(); // read:phone
        }
        public void remind(User user) {
          String phone = user.getPhone(); // read:unconsented
        }
        void trace(User user) {
          log.info("sending to {}", user.getEmail()); // call:log
          System.err.println(user.getEmail()); // call:console
          log.info("greeting {} on {}", user.name, user.getPhone()); // call:name-and-phone
          System.out.println("to " + user.name); // call:printed-name
          log.info("user {}", user); // call:whole-user
          log.info("user {} named {}", user, user.name); // call:whole-and-name
        }
        @ConsentRequired(Purpose.MARKETING) // subject:none
        public void subjectless(String text) {}
      }
      """);

  private static FlowCompilation compile(List<String> options) {
    return FlowCompilation.compile(options, FlowFixtures.person(), FlowFixtures.user(), CAMPAIGN);
  }

  /** A JBoss Logging call is a LOG sink like any other: the agent redacts it over every backend it hooks. */
  @Test
  void aJbossLoggingCallIsALogSink() {
    JavaFileObject audit = FlowCompilation.source("com.acme.Audit", """
        package com.acme;
        public class Audit {
          private static final org.jboss.logging.Logger log = org.jboss.logging.Logger.getLogger(Audit.class);
          void trace(User user) {
            log.infof("sending to %s", user.getEmail()); // call:jboss
          }
        }
        """);
    FlowCompilation compiled = FlowCompilation.compile(List.of(), FlowFixtures.person(), FlowFixtures.user(), audit);
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.User#email reaches the LOG sink"
            + " org.jboss.logging.BasicLogger#infof. The PII Warden agent redacts it at run time; without the agent"
            + " nothing does.")
        .inFile(audit).onLineContaining("// call:jboss");
  }

  @Test
  void purposeLimitationIsAWarningOnTheRead() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation)
        .hadWarningContaining("PW016: Purpose limitation: com.acme.Campaign#mail(com.acme.User) acts for"
            + " \"marketing.communications.email\" but reads com.acme.User#email, which was collected for"
            + " \"essential.service\" only.")
        .inFile(CAMPAIGN).onLineContaining("// read:email");
  }

  @Test
  void consentBasedDataReadWithoutCoveringConsentIsAWarning() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation)
        .hadWarningContaining("PW017: com.acme.Campaign#remind(com.acme.User) reads com.acme.User#phone, which"
            + " is processed on the basis of consent (for \"marketing\")")
        .inFile(CAMPAIGN).onLineContaining("// read:unconsented");
  }

  @Test
  void consentThatCoversTheDataIsQuiet() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation.diagnostics().stream()
        .filter(d -> d.getLineNumber() == FlowCompilation.line(text(), "read:phone"))
        .toList()).isEmpty();
  }

  @Test
  void personalDataReachingALogOrTheConsoleIsAWarningOnTheCall() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.User#email reaches the LOG sink org.slf4j.Logger#info."
            + " The PII Warden agent redacts it at run time; without the agent nothing does.")
        .inFile(CAMPAIGN).onLineContaining("// call:log");
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.User#email reaches the CONSOLE sink"
            + " java.io.PrintStream#println. The PII Warden agent redacts console output only with"
            + " piiwarden.redaction.stdout=true (off by default); without it nothing does.")
        .inFile(CAMPAIGN).onLineContaining("// call:console");
  }

  /**
   * The agent finds an e-mail address in any text, a phone number in some forms, a name never:
   * PW018 does not promise redaction where no detector can give it.
   */
  @Test
  void aLoggedValueNoDetectorRecognisesIsNamedAsStayingInTheLog() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.Person#name, com.acme.User#phone reaches the LOG"
            + " sink org.slf4j.Logger#info. The PII Warden agent redacts an annotated object logged whole by its"
            + " annotations, but a value logged on its own only where a detector recognises it:"
            + " com.acme.Person#name (user.name) never, com.acme.User#phone (user.contact.phone_number) only in"
            + " E.164 form (+…) or after a word such as tel or phone. Without the agent nothing does.")
        .inFile(CAMPAIGN).onLineContaining("// call:name-and-phone");
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.Person#name reaches the CONSOLE sink"
            + " java.io.PrintStream#println. The PII Warden agent redacts console output only with"
            + " piiwarden.redaction.stdout=true (off by default), and then finds a value only where a"
            + " detector recognises it: com.acme.Person#name (user.name) never. Without it nothing does.")
        .inFile(CAMPAIGN).onLineContaining("// call:printed-name");
  }

  /** An annotated object handed to a log call whole is rendered by its annotations: nothing stays. */
  @Test
  void aWholeObjectLoggedHasNoLimitsToNameButItsValueLoggedBesideItHas() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.Person#name, com.acme.User#email, com.acme.User#phone"
            + " reaches the LOG sink org.slf4j.Logger#info. The PII Warden agent redacts it at run time; without the"
            + " agent nothing does.")
        .inFile(CAMPAIGN).onLineContaining("// call:whole-user");
    assertThat(compiled.compilation)
        .hadWarningContaining("but a value logged on its own only where a detector recognises it:"
            + " com.acme.Person#name (user.name) never. Without the agent nothing does.")
        .inFile(CAMPAIGN).onLineContaining("// call:whole-and-name");
  }

  /** A call javac cannot resolve leaves javac's error alone: no fragment of its "<any>" type is looked for. */
  @Test
  void aCompileErrorInAMethodBodyBringsNoDiagnosticOfOurs() {
    FlowCompilation compiled = FlowCompilation.compile(FlowCompilation.source("com.acme.T", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class T {
          @ConsentRequired(Purpose.MARKETING_COMMUNICATIONS_EMAIL)
          public void send(@DataSubject String id) {
            try { System.out.println(id); } catch (IllegalStateException e) { System.out.println("x " + e.nosuch()); }
          }
        }
        """));
    assertThat(compiled.compilation).failed();
    assertThat(compiled.compilation).hadErrorCount(1);
    assertThat(compiled.compilation).hadWarningCount(0);
  }

  @Test
  void theSubjectNoteStays() {
    FlowCompilation compiled = compile(List.of());
    assertThat(compiled.compilation).hadNoteContaining("PW014").inFile(CAMPAIGN).onLineContaining("// subject:none");
  }

  @Test
  void strictModeMakesThemErrorsAndWritesNoFragment() {
    FlowCompilation compiled = compile(List.of("-Apiiwarden.strict=true"));
    assertThat(compiled.compilation).failed();
    assertThat(compiled.compilation)
        .hadErrorContaining("PW016").inFile(CAMPAIGN).onLineContaining("// read:email");
    assertThat(compiled.compilation)
        .hadErrorContaining("(An error because piiwarden.strict=true.)").inFile(CAMPAIGN).onLineContaining("// call:log");
    // compile-testing hides the output of a failed compilation; RobustnessTest shows on disk that
    // nothing is written after an error, and PW012 says so here.
    assertThat(compiled.compilation).hadNoteContaining("PW012");
  }

  @Test
  void flowOffMeansDeclarationsOnly() {
    FlowCompilation compiled = compile(List.of("-Apiiwarden.flow=false"));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation).hadWarningCount(0);
    assertThat(compiled.fragment("com.acme.Campaign").activities().get(0).reads()).isEmpty();
  }

  private static String text() {
    try {
      return CAMPAIGN.getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

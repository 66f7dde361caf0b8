package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.line;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.CallResult;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.MethodSummary;
import dev.piiwarden.core.inventory.ResultSink;
import dev.piiwarden.core.inventory.ReturnValue;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values returned by the project's own methods: summaries say what they return, merging follows it. */
class ReturnedValuesTest {
  private static final String FORMAT = "com.acme.Lines#format(com.acme.User)";
  private static final String QUOTE = "com.acme.Lines#quote(java.lang.String)";
  private static final String DEEP = "com.acme.Lines#deep(com.acme.User,int)";
  private static final String SIGNUP = "com.acme.Signup";

  static final String LINES = """
      package com.acme;
      public class Lines {
        public String format(User user) { return "to " + user.getEmail(); }
        public String quote(String text) { return "'" + text + "'"; }
        public String deep(User user, int n) { return n == 0 ? format(user) : deep(user, n - 1); } // call:deep
        public String fixed() { return "none"; }
      }
      """;

  static final String SIGNUP_SOURCE = """
      package com.acme;
      import org.slf4j.Logger;
      public class Signup {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Signup.class);
        private final Lines lines = new Lines();
        private final Audit audit = new Audit();
        void register(User user) {
          String line = lines.format(user); // call:format
          log.info(line); // sink:format
        }
        void quoted(User user) {
          log.info(lines.quote(user.getEmail())); // sink:quote
        }
        void quotedConstant(User user) {
          log.info(lines.quote("constant")); // sink:constant
        }
        void recursive(User user) {
          log.info(lines.deep(user, 3)); // sink:deep
        }
        void handedOn(User user) {
          audit.record(lines.format(user)); // pass:format
        }
        void nothing() {
          log.info(lines.fixed());
        }
      }
      class Audit {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Audit.class);
        void record(String entry) { log.info(entry); }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Lines", LINES), FlowCompilation.source(SIGNUP, SIGNUP_SOURCE));
  }

  private static String signup(String method) {
    return SIGNUP + "#" + method;
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void summariesSayWhatAMethodReturns() {
    assertThat(compiled.summary("com.acme.Lines", FORMAT).returns())
        .isEqualTo(new ReturnValue(List.of(EMAIL), List.of(), List.of()));
    assertThat(compiled.summary("com.acme.Lines", QUOTE).returns())
        .isEqualTo(new ReturnValue(List.of(), List.of(0), List.of()));
    int deepLine = line(LINES, "call:deep");
    assertThat(compiled.summary("com.acme.Lines", DEEP).returns()).isEqualTo(new ReturnValue(List.of(), List.of(),
        List.of(new CallResult(DEEP, deepLine), new CallResult(FORMAT, deepLine))));
    assertThat(compiled.fragment("com.acme.Lines").summaries().stream().map(MethodSummary::method))
        .doesNotContain("com.acme.Lines#fixed()");
  }

  @Test
  void aCallResultReachingASinkIsAResultSinkWithConfidenceViaCall() {
    assertThat(compiled.summary(SIGNUP, signup("register(com.acme.User)")).resultSinks()).containsExactly(
        new ResultSink(new CallResult(FORMAT, line(SIGNUP_SOURCE, "call:format")), SinkKind.LOG, LOG,
            line(SIGNUP_SOURCE, "sink:format"), Confidence.VIA_CALL));
  }

  @Test
  void loggingWhatAnAnalysedMethodHandsBackIsAWarningOnTheCallersLine() {
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data com.acme.User#email reaches the LOG sink org.slf4j.Logger#info.")
        .inFile(compiled.compilation.sourceFiles().stream()
            .filter(file -> file.getName().endsWith("Signup.java")).findFirst().orElseThrow())
        .onLineContaining("// sink:format");
    // register (format), quoted (quote hands the argument back), recursive (deep returns format's);
    // not the constant, not fixed(), not the result handed to Audit (its flow is in the merge)
    assertLoggedReturnsAreWarned(compiled);
  }

  @Test
  void aHelperDeclaredAfterItsCallerInTheSameClassCounts() {
    String source = """
        package com.acme;
        public class Greeter {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Greeter.class);
          void hello(User user) { log.info(label(user)); } // sink:label
          private String label(User user) { return "<" + user.getEmail() + ">"; }
        }
        """;
    FlowCompilation greeter = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Greeter", source));
    assertThat(greeter.compilation).hadWarningContaining("PW018: Personal data com.acme.User#email")
        .inFile(greeter.compilation.sourceFiles().stream()
            .filter(file -> file.getName().endsWith("Greeter.java")).findFirst().orElseThrow())
        .onLineContaining("// sink:label");
    // the fragment still says it through the summary, not as a sink of hello's own
    assertThat(greeter.summary("com.acme.Greeter", "com.acme.Greeter#hello(com.acme.User)").resultSinks()).hasSize(1);
  }

  @Test
  void aCalleeAnalysedAfterItsCallerIsCheckedWhenTheCompilationEnds() {
    // Signup is given (and so analysed) before Lines: what Lines returns is known only at the end
    FlowCompilation reversed = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source(SIGNUP, SIGNUP_SOURCE), FlowCompilation.source("com.acme.Lines", LINES));
    assertThat(reversed.compilation).succeeded();
    assertLoggedReturnsAreWarned(reversed);
  }

  /** PW018 on Signup's lines that log what format, quote and deep return, and on no other line. */
  private static void assertLoggedReturnsAreWarned(FlowCompilation compilation) {
    List<Long> warned = compilation.compilation.warnings().stream()
        .filter(warning -> warning.getMessage(null).startsWith("PW018"))
        .map(warning -> warning.getLineNumber())
        .sorted()
        .toList();
    assertThat(warned).containsExactly((long) line(SIGNUP_SOURCE, "sink:format"),
        (long) line(SIGNUP_SOURCE, "sink:quote"), (long) line(SIGNUP_SOURCE, "sink:deep")).inOrder();
  }

  @Test
  void mergedFlowsFollowReturnedElementsAndReturnedParameters() {
    assertThat(compiled.merged().flows()).containsExactly(
        // format reads the e-mail address and returns it; register logs the result
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(FORMAT, signup("register(com.acme.User)"))),
        // quoted reads it, quote hands it back, quoted logs it; the constant call carries nothing
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(signup("quoted(com.acme.User)"))),
        // deep returns format's result through its own recursion, which ends
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(FORMAT, DEEP, signup("recursive(com.acme.User)"))),
        // a result handed to another method that logs it
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(FORMAT, signup("handedOn(com.acme.User)"),
            "com.acme.Audit#record(java.lang.String)")));
  }
}

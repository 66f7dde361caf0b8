package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A {@code StringJoiner} holds what is added to it, as a {@code StringBuilder} holds what is
 * appended: the joined text, and the joiner's result of {@code add}, carry it.
 */
class StringJoinerTest {
  private static final String REPORT = """
      package com.acme;
      import java.util.StringJoiner;
      public class Report {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Report.class);
        void joined(User u) {
          StringJoiner sj = new StringJoiner(", ");
          sj.add(u.name);
          log.info(sj.toString()); // log:joined
        }
        void chained(User u) { log.info(new StringJoiner(", ").add(u.getEmail()).toString()); } // log:chained
        void merged(User u) {
          StringJoiner names = new StringJoiner(", ");
          names.add(u.name);
          StringJoiner all = new StringJoiner("; ");
          all.merge(names);
          log.info("{}", all); // log:merged
        }
        void counted(User u) {
          StringJoiner sj = new StringJoiner(", ");
          sj.add(u.name);
          log.info("{}", sj.length()); // log:counted
        }
      }
      """;

  @Test
  void aJoinerCarriesWhatIsAddedToIt() {
    JavaFileObject report = FlowCompilation.source("com.acme.Report", REPORT);
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), report);

    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data " + NAME + " reaches the LOG sink " + LOG + ".")
        .inFile(report).onLineContaining("// log:joined");
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data " + EMAIL + " reaches the LOG sink " + LOG + ".")
        .inFile(report).onLineContaining("// log:chained");
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data " + NAME + " reaches the LOG sink " + LOG + ".")
        .inFile(report).onLineContaining("// log:merged");
    assertThat(compiled.activity("com.acme.Report", "com.acme.Report#joined(com.acme.User)").sinks())
        .containsExactly(FlowCompilation.sinkAt(REPORT, "log:joined", SinkKind.LOG, LOG, Confidence.VIA_LOCAL, NAME));
    assertThat(compiled.activity("com.acme.Report", "com.acme.Report#counted(com.acme.User)").sinks()).isEmpty();
  }
}

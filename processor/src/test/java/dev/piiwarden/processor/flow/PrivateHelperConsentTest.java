package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A private method runs only where its class calls it: one that methods requiring a covering
 * consent call directly, and nothing else, reads consent-based data under their consent (no
 * PW017). A call from a lambda, a method reference, a field initializer, a method without that
 * consent, or no call at all, keeps the warning.
 */
class PrivateHelperConsentTest {
  private static final String CAMPAIGN = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      import java.util.function.Consumer;
      public class Campaign {
        private final String initial = initialPhone(new User());
        @ConsentRequired(Purpose.MARKETING)
        public void send(User u) { deliver(u); twice(u); initialPhone(u); }
        @ConsentRequired(Purpose.MARKETING)
        public void resend(User u) { deliver(u); }
        private void deliver(User u) {
          String to = u.getPhone(); // read:helper
        }
        private void twice(User u) { again(u, 2); }
        private void again(User u, int times) {
          if (times > 0) { again(u, times - 1); }
          String to = u.getPhone(); // read:transitive
        }
        private String initialPhone(User u) {
          return u.getPhone(); // read:initializer
        }
        @ConsentRequired(Purpose.MARKETING)
        public void later(User u) { Runnable r = () -> viaLambda(u); r.run(); }
        private void viaLambda(User u) {
          String to = u.getPhone(); // read:lambda
        }
        @ConsentRequired(Purpose.MARKETING)
        public Consumer<User> referenced() { return this::viaReference; }
        private void viaReference(User u) {
          String to = u.getPhone(); // read:reference
        }
        @ConsentRequired(Purpose.MARKETING)
        public void consented(User u) { mixed(u); }
        public void unconsented(User u) { mixed(u); }
        private void mixed(User u) {
          String to = u.getPhone(); // read:mixed
        }
        @ConsentRequired(Purpose.ANALYTICS)
        public void analyse(User u) { uncovered(u); }
        private void uncovered(User u) {
          String to = u.getPhone(); // read:uncovered
        }
        private void unused(User u) {
          String to = u.getPhone(); // read:uncalled
        }
      }
      """;

  @Test
  void aPrivateHelperCalledOnlyUnderACoveringConsentReadsUnderIt() {
    JavaFileObject campaign = FlowCompilation.source("com.acme.Campaign", CAMPAIGN);
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), campaign);

    assertThat(compiled.compilation).succeeded();
    assertThat(pw017Lines(compiled)).containsExactly(
        FlowCompilation.line(CAMPAIGN, "read:initializer"),
        FlowCompilation.line(CAMPAIGN, "read:lambda"),
        FlowCompilation.line(CAMPAIGN, "read:reference"),
        FlowCompilation.line(CAMPAIGN, "read:mixed"),
        FlowCompilation.line(CAMPAIGN, "read:uncovered"),
        FlowCompilation.line(CAMPAIGN, "read:uncalled"));
    assertThat(compiled.compilation)
        .hadWarningContaining("PW017: com.acme.Campaign#mixed(com.acme.User) reads com.acme.User#phone")
        .inFile(campaign).onLineContaining("// read:mixed");
  }

  private static List<Integer> pw017Lines(FlowCompilation compiled) {
    return compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).startsWith("PW017"))
        .map(d -> (int) d.getLineNumber())
        .toList();
  }
}

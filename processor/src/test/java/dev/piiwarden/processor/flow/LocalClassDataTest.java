package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.SinkRecord;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @PersonalData} on a member of a local or anonymous class is PW024 and no data element, so
 * no read, sink or flow names it either: the inventory never refers to an element it leaves out.
 */
class LocalClassDataTest {
  static final String SOURCE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class Drafts {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Drafts.class);
        public void local(String s) {
          record Tmp(@PersonalData(category = Category.USER_NAME, basis = LawfulBasis.CONTRACT) String n) {}
          var t = new Tmp(s);
          log.info("tmp {}", t.n()); // sink:accessor
          log.info("tmp {}", t); // sink:whole
        }
        public Object anonymous(User user) {
          Object holder = new Object() {
            @PersonalData(category = Category.USER_NAME, basis = LawfulBasis.CONTRACT)
            String name = "x";
            @Override public String toString() {
              log.info("name {}", name); // sink:anonymous
              return name;
            }
          };
          log.info("email {}", user.getEmail()); // sink:email
          return holder;
        }
      }
      """;

  @Test
  void membersOfLocalClassesAreNeitherReadNorSunk() {
    JavaFileObject drafts = FlowCompilation.source("com.acme.Drafts", SOURCE);
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), drafts);
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation).hadWarningContaining("PW024: @PersonalData on n,").inFile(drafts)
        .onLine(6);
    assertThat(compiled.compilation).hadWarningContaining("PW024: @PersonalData on name,").inFile(drafts)
        .onLine(13);
    // only the e-mail address reaches a log as far as the warnings go
    assertThat(compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).contains("PW018"))
        .map(Diagnostic::getLineNumber)
        .toList()).containsExactly((long) FlowCompilation.line(SOURCE, "sink:email"));

    Inventory fragment = compiled.fragment("com.acme.Drafts");
    for (Activity activity : fragment.activities()) {
      assertThat(activity.reads()).containsNoneOf("com.acme.Drafts$1Tmp#n", "com.acme.Drafts$1#name");
      for (SinkRecord sink : activity.sinks()) {
        assertThat(sink.elements()).containsNoneOf("com.acme.Drafts$1Tmp#n", "com.acme.Drafts$1#name");
      }
    }
    assertThat(fragment.activities().stream().map(Activity::method)).doesNotContain("local(java.lang.String)");
    assertThat(compiled.activity("com.acme.Drafts", "com.acme.Drafts#anonymous(com.acme.User)").reads())
        .containsExactly(FlowFixtures.EMAIL);
    assertThat(compiled.merged().flows().stream().map(f -> f.element()).distinct().toList())
        .containsExactly(FlowFixtures.EMAIL);
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An accessor of an ordinary class named as its annotated field, record-style or fluent ({@code
 * email()}, as Lombok's {@code @Accessors(fluent = true)} writes it), or static ({@code
 * Member.lastName()}), is that field's element, as a plain getter is: calling it reads the element,
 * and the accessor itself is no activity holding the data.
 */
class FieldNamedAccessorsTest {
  private static final String EMAIL = "com.acme.Member#email";
  private static final String LAST_NAME = "com.acme.Member#lastName";

  private static final String MEMBER = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class Member {
        @PersonalData(category = Category.USER_CONTACT_EMAIL) private String email;
        @PersonalData(category = Category.USER_NAME) private static String lastName;
        public String email() { return email; }
        public String getEmail() { return email; }
        public static String lastName() { return lastName; }
      }
      """;

  private static final String PRINTER = """
      package com.acme;
      public class Printer {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Printer.class);
        void fluent(Member m) { log.info(m.email()); } // log:fluent
        void getter(Member m) { log.info(m.getEmail()); } // log:getter
        void statically() { log.info(Member.lastName()); } // log:static
        void reference(java.util.List<Member> members) { members.stream().map(Member::email).forEach(log::info); }
      }
      """;

  @Test
  void anAccessorNamedAsItsFieldIsReadLikeAGetter() {
    JavaFileObject printer = FlowCompilation.source("com.acme.Printer", PRINTER);
    FlowCompilation compiled = FlowCompilation.compile(FlowCompilation.source("com.acme.Member", MEMBER), printer);

    assertThat(compiled.compilation).succeeded();
    for (String marker : List.of("log:fluent", "log:getter")) {
      assertThat(compiled.compilation)
          .hadWarningContaining("PW018: Personal data " + EMAIL + " reaches the LOG sink " + LOG + ".")
          .inFile(printer).onLineContaining("// " + marker);
    }
    assertThat(compiled.compilation)
        .hadWarningContaining("PW018: Personal data " + LAST_NAME + " reaches the LOG sink " + LOG + ".")
        .inFile(printer).onLineContaining("// log:static");

    Activity fluent = compiled.activity("com.acme.Printer", "com.acme.Printer#fluent(com.acme.Member)");
    assertThat(fluent.reads()).containsExactly(EMAIL);
    assertThat(fluent.sinks()).containsExactly(
        FlowCompilation.sinkAt(PRINTER, "log:fluent", SinkKind.LOG, LOG, Confidence.DIRECT, EMAIL));
    assertThat(compiled.activity("com.acme.Printer", "com.acme.Printer#statically()").reads())
        .containsExactly(LAST_NAME);
    assertThat(compiled.activity("com.acme.Printer", "com.acme.Printer#reference(java.util.List)").reads())
        .containsExactly(EMAIL);

    // the accessors are the elements' own: no activity of Member holds the data in their place
    assertThat(compiled.fragment("com.acme.Member").activities()).isEmpty();
    assertThat(compiled.merged().flows()).containsExactly(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of("com.acme.Printer#fluent(com.acme.Member)")),
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of("com.acme.Printer#getter(com.acme.Member)")),
        new Flow(LAST_NAME, SinkKind.LOG, LOG, List.of("com.acme.Printer#statically()")),
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of("com.acme.Printer#reference(java.util.List)")));
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code System.out} kept under another name, in a local or a constant, or wrapped in a writer, is
 * still the console: a CONSOLE sink, target the field, with PW018. A print stream or writer open to
 * anything else is not.
 */
class ConsoleAliasesTest {
  private static final String CONSOLE = """
      package com.acme;
      import java.io.PrintStream;
      import java.io.PrintWriter;
      public class Console {
        private static final PrintStream OUT = System.out;
        private static final PrintStream ERR = (System.err);
        void local(User u) { PrintStream out = System.out; out.println(u.getEmail()); } // console:local
        void constant(User u) { OUT.println(u.getEmail()); } // console:constant
        void qualified(User u) { Console.ERR.print(u.getEmail()); } // console:qualified
        void writer(User u) { PrintWriter w = new PrintWriter(System.out, true); w.println(u.getEmail()); } // console:writer
        void direct(User u) { System.out.println(u.getEmail()); } // console:direct
        void file(User u) throws Exception { PrintWriter w = new PrintWriter("out.txt"); w.println(u.getEmail()); } // file:writer
        void other(User u, PrintStream given) { given.println(u.getEmail()); }
      }
      """;

  @Test
  void systemOutUnderAnotherNameIsTheConsole() {
    JavaFileObject console = FlowCompilation.source("com.acme.Console", CONSOLE);
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), console);

    assertThat(compiled.compilation).succeeded();
    record Expected(String method, String marker, String target) {}
    for (Expected expected : List.of(
        new Expected("local(com.acme.User)", "console:local", "java.lang.System#out"),
        new Expected("constant(com.acme.User)", "console:constant", "java.lang.System#out"),
        new Expected("qualified(com.acme.User)", "console:qualified", "java.lang.System#err"),
        new Expected("writer(com.acme.User)", "console:writer", "java.lang.System#out"),
        new Expected("direct(com.acme.User)", "console:direct", "java.io.PrintStream#println"))) {
      assertThat(compiled.compilation)
          .hadWarningContaining("PW018: Personal data " + EMAIL + " reaches the CONSOLE sink " + expected.target() + ".")
          .inFile(console).onLineContaining("// " + expected.marker());
      assertThat(compiled.activity("com.acme.Console", "com.acme.Console#" + expected.method()).sinks())
          .containsExactly(FlowCompilation.sinkAt(CONSOLE, expected.marker(), SinkKind.CONSOLE, expected.target(),
              Confidence.DIRECT, EMAIL));
    }
    assertThat(compiled.activity("com.acme.Console", "com.acme.Console#file(com.acme.User)").sinks())
        .containsExactly(FlowCompilation.sinkAt(CONSOLE, "file:writer", SinkKind.FILE, "java.io.PrintWriter#println",
            Confidence.DIRECT, EMAIL));
    assertThat(compiled.activity("com.acme.Console", "com.acme.Console#other(com.acme.User,java.io.PrintStream)")
        .sinks()).isEmpty();
  }
}

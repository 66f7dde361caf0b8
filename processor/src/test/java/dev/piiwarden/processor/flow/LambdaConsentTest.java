package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.piiwarden.processor.PiiWardenProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PW029: a lambda or method reference implementing a functional interface whose abstract method
 * requires consent runs in a class the JVM generates, which the agent cannot change, so nothing
 * checks the consent. Reported on the line of the lambda or reference; not for a reference to a
 * method the agent checks for those purposes itself, nor for a class implementing the interface.
 */
class LambdaConsentTest {
  private static final String SENDER = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public interface Sender {
        @ConsentRequired(Purpose.MARKETING)
        String send(@DataSubject String id);
      }
      """;
  private static final String ON_TYPE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ConsentRequired(Purpose.ANALYTICS)
      public interface Tracker {
        boolean equals(Object other); // Object's, which no lambda implements
        void track(@DataSubject String id);
      }
      """;
  private static final String INHERITED = """
      package com.acme;
      public interface UrgentSender extends Sender {
        default String sendTwice(String id) { return send(id) + send(id); }
      }
      """;
  private static final String PLAIN = """
      package com.acme;
      public interface Formatter {
        String format(String id);
      }
      """;
  private static final String USES = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      import java.util.function.Supplier;
      public class Uses {
        static final Sender FIELD = id -> "field"; // field
        static String impl(String id) { return "impl"; }
        @ConsentRequired(Purpose.MARKETING)
        static String checked(String id) { return "checked"; }
        @ConsentRequired(Purpose.ANALYTICS)
        static String otherPurpose(String id) { return "other"; }
        static class Message {
          Message(String id) {}
          @Override public String toString() { return "message"; }
        }
        @ConsentRequired(Purpose.MARKETING)
        public static class Checked {
          public static String send(String id) { return "checked class"; }
        }
        public static class Service implements Sender {
          public String send(String id) { return "service"; }
        }
        void run(Service service) {
          Sender expression = id -> "lambda"; // expression
          Sender block = id -> { // block
            return "block";
          };
          Sender reference = Uses::impl; // reference
          Sender annotated = Uses::checked;
          Sender onClass = Checked::send;
          Sender implementation = service::send;
          Sender uncovered = Uses::otherPurpose; // uncovered
          java.util.function.Function<String, Message> constructor = Message::new;
          Sender viaConstructor = id -> constructor.apply(id).toString(); // lambda-with-constructor
          Tracker tracker = id -> {}; // on-type
          UrgentSender urgent = id -> "urgent"; // inherited
          Runnable runnable = () -> {};
          Supplier<String> supplier = () -> "x";
          Formatter formatter = String::trim;
          Sender anonymous = new Sender() {
            @Override public String send(String id) { return "anonymous"; }
          };
          nested(id -> "argument"); // argument
        }
        void nested(Sender sender) {}
      }
      """;
  private static final String CONSTRUCTOR = """
      package com.acme;
      public class Construct {
        public interface Builder {
          @dev.piiwarden.annotations.ConsentRequired(dev.piiwarden.annotations.Purpose.MARKETING)
          Built build(String id);
        }
        public static class Built {
          public Built(String id) {}
        }
        Builder builder = Built::new; // constructor
      }
      """;

  private static Compilation compile(List<String> options) {
    return javac().withProcessors(new PiiWardenProcessor()).withOptions(options).compile(sources());
  }

  private static List<JavaFileObject> sources() {
    return List.of(
        JavaFileObjects.forSourceString("com.acme.Sender", SENDER),
        JavaFileObjects.forSourceString("com.acme.Tracker", ON_TYPE),
        JavaFileObjects.forSourceString("com.acme.UrgentSender", INHERITED),
        JavaFileObjects.forSourceString("com.acme.Formatter", PLAIN),
        JavaFileObjects.forSourceString("com.acme.Uses", USES),
        JavaFileObjects.forSourceString("com.acme.Construct", CONSTRUCTOR));
  }

  private static JavaFileObject uses(Compilation compilation) {
    return compilation.sourceFiles().stream().filter(f -> f.getName().endsWith("Uses.java")).findFirst().orElseThrow();
  }

  private static List<Long> linesOf(Compilation compilation, JavaFileObject file, Diagnostic.Kind kind) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind && d.getMessage(null).startsWith("PW029"))
        .filter(d -> d.getSource() != null && d.getSource().getName().equals(file.getName()))
        .map(Diagnostic::getLineNumber)
        .toList();
  }

  @Test
  void expressionAndBlockLambdasAreReportedOnTheirLines() {
    Compilation compilation = compile(List.of());
    assertThat(compilation).succeeded();
    JavaFileObject uses = uses(compilation);
    assertThat(compilation).hadWarningContaining("PW029: a lambda implements com.acme.Sender#send(java.lang.String),"
        + " which requires consent for [marketing], and nothing checks it at run time").inFile(uses)
        .onLine(FlowCompilation.line(USES, "expression"));
    assertThat(compilation).hadWarningContaining("Implement com.acme.Sender in a named or anonymous class, or put"
        + " @ConsentRequired with [marketing] on the method the lambda calls").inFile(uses)
        .onLine(FlowCompilation.line(USES, "block"));
    assertThat(compilation).hadWarningContaining("PW029: a lambda implements com.acme.Sender#send")
        .inFile(uses).onLine(FlowCompilation.line(USES, "field"));
    assertThat(compilation).hadWarningContaining("PW029: a lambda implements com.acme.Sender#send")
        .inFile(uses).onLine(FlowCompilation.line(USES, "argument"));
  }

  @Test
  void aReferenceToAMethodTheAgentDoesNotCheckForThosePurposesIsReported() {
    Compilation compilation = compile(List.of());
    JavaFileObject uses = uses(compilation);
    assertThat(compilation).hadWarningContaining("PW029: a reference to com.acme.Uses#impl(java.lang.String)"
        + " implements com.acme.Sender#send(java.lang.String), which requires consent for [marketing]")
        .inFile(uses).onLine(FlowCompilation.line(USES, "reference"));
    assertThat(compilation).hadWarningContaining("or put @ConsentRequired with [marketing] on"
        + " com.acme.Uses#impl(java.lang.String).").inFile(uses).onLine(FlowCompilation.line(USES, "reference"));
    assertThat(compilation).hadWarningContaining("PW029: a reference to com.acme.Uses#otherPurpose(java.lang.String)")
        .inFile(uses).onLine(FlowCompilation.line(USES, "uncovered"));
  }

  @Test
  void aConstructorReferenceIsReported() {
    Compilation compilation = compile(List.of());
    JavaFileObject construct = compilation.sourceFiles().stream()
        .filter(f -> f.getName().endsWith("Construct.java")).findFirst().orElseThrow();
    assertThat(compilation).hadWarningContaining("PW029: a reference to a constructor of com.acme.Construct.Built"
        + " implements com.acme.Construct.Builder#build(java.lang.String)").inFile(construct)
        .onLine(FlowCompilation.line(CONSTRUCTOR, "constructor"));
    assertThat(compilation).hadWarningContaining("refer to a method with @ConsentRequired for [marketing] instead"
        + " (the agent checks no constructor).");
  }

  @Test
  void consentOnTheInterfaceTypeOrASuperinterfaceCounts() {
    Compilation compilation = compile(List.of());
    JavaFileObject uses = uses(compilation);
    assertThat(compilation).hadWarningContaining("PW029: a lambda implements com.acme.Tracker#track(java.lang.String),"
        + " which requires consent for [analytics]").inFile(uses).onLine(FlowCompilation.line(USES, "on-type"));
    assertThat(compilation).hadWarningContaining("PW029: a lambda implements com.acme.Sender#send(java.lang.String)")
        .inFile(uses).onLine(FlowCompilation.line(USES, "inherited"));
  }

  /**
   * Ordinary functional interfaces, references to methods checked for the purposes (annotated, on an
   * annotated class, an implementation of the interface), an anonymous class and a constructor
   * reference to an interface without consent are not reported.
   */
  @Test
  void nothingElseIsReported() {
    Compilation compilation = compile(List.of());
    assertThat(linesOf(compilation, uses(compilation), Diagnostic.Kind.WARNING)).containsExactly(
        (long) FlowCompilation.line(USES, "field"),
        (long) FlowCompilation.line(USES, "expression"),
        (long) FlowCompilation.line(USES, "block"),
        (long) FlowCompilation.line(USES, "reference"),
        (long) FlowCompilation.line(USES, "uncovered"),
        (long) FlowCompilation.line(USES, "lambda-with-constructor"),
        (long) FlowCompilation.line(USES, "on-type"),
        (long) FlowCompilation.line(USES, "inherited"),
        (long) FlowCompilation.line(USES, "argument")).inOrder();
  }

  @Test
  void strictMakesItAnError() {
    Compilation compilation = compile(List.of("-Apiiwarden.strict=true"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("(An error because piiwarden.strict=true.)").inFile(uses(compilation))
        .onLine(FlowCompilation.line(USES, "expression"));
  }

  /** Found by the body analysis: reported with it, and not with {@code piiwarden.flow=false}. */
  @Test
  void reportedByTheBodyAnalysisOnly() {
    Compilation analysed = compile(List.of());
    assertThat(linesOf(analysed, uses(analysed), Diagnostic.Kind.WARNING))
        .contains((long) FlowCompilation.line(USES, "expression"));
    Compilation declarationsOnly = compile(List.of("-Apiiwarden.flow=false"));
    assertThat(declarationsOnly).succeeded();
    assertThat(declarationsOnly.diagnostics().stream().map(d -> d.getMessage(null)).filter(m -> m.contains("PW029"))
        .toList()).isEmpty();
  }

  /** An interface of a library compiled apart, without the processor, counts through its class file. */
  @Test
  void anInterfaceFromTheClassPathCounts(@TempDir Path dir) throws IOException {
    Path library = dir.resolve("library/com/vendor/Notifier.java");
    Files.createDirectories(library.getParent());
    Files.writeString(library, """
        package com.vendor;
        import dev.piiwarden.annotations.*;
        public interface Notifier {
          @ConsentRequired(Purpose.MARKETING_COMMUNICATIONS_EMAIL)
          void notify(@DataSubject String id);
        }
        """);
    StandaloneCompilation compiled =
        StandaloneCompilation.run(dir.resolve("library"), dir.resolve("out-library"), List.of(), false);
    assertThat(compiled.success()).isTrue();
    Path application = dir.resolve("application/com/acme/Notify.java");
    Files.createDirectories(application.getParent());
    String source = """
        package com.acme;
        public class Notify {
          com.vendor.Notifier notifier = id -> {}; // library
        }
        """;
    Files.writeString(application, source);
    StandaloneCompilation app = StandaloneCompilation.run(dir.resolve("application"), dir.resolve("out-application"),
        List.of(compiled.classes()));
    assertThat(app.success()).isTrue();
    assertThat(app.diagnostics()).contains("Notify.java:" + FlowCompilation.line(source, "library")
        + ": warning: PW029: a lambda implements com.vendor.Notifier#notify(java.lang.String), which requires"
        + " consent for [marketing.communications.email]");
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.annotations.OnDenied;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.ConsentRequirement;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A type's {@code @ConsentRequired} covers its public methods but {@code toString()}, {@code
 * equals(Object)}, {@code hashCode()} and an enum's {@code values()} and {@code valueOf(String)},
 * as the agent enforces it, and so does a type's {@code @ProcessingActivity}; a method's own
 * annotation still applies. The activities, their consent,
 * PW014, PW028 and PW029 follow the same rule.
 */
class TypeConsentTest {
  private static final String MAILER = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ConsentRequired(Purpose.MARKETING)
      public class Mailer {
        public void send(String text) {} // covered:send
        @Override public String toString() { return "Mailer"; } // exempt:toString
        @Override public boolean equals(Object other) { return other == this; } // exempt:equals
        @Override public int hashCode() { return 1; } // exempt:hashCode
        public String toString(String prefix) { return prefix; } // covered:overload
      }
      """;
  private static final String PROFILE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ConsentRequired(Purpose.MARKETING)
      public class Profile {
        @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.MARKETING)
        private String email;
        @ConsentRequired(Purpose.ANALYTICS)
        @Override public int hashCode() { return 7; } // own:hashCode
        @Override public String toString() {
          System.out.println(email); // printed
          return "Profile";
        }
      }
      """;
  private static final String CATALOGUE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ProcessingActivity(name = "Catalogue")
      public class Catalogue {
        public String list() { return "all"; }
        @Override public String toString() { return "Catalogue"; }
      }
      """;
  private static final String CHANNEL = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ConsentRequired(Purpose.MARKETING)
      public enum Channel {
        EMAIL, SMS;
        public String label() { return name().toLowerCase(); } // covered:label
        @ProcessingActivity(name = "Channel listing")
        @Override public String toString() { return label(); }
      }
      """;
  private static final String DESCRIBABLE = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ConsentRequired(Purpose.MARKETING)
      public interface Describable {
        String toString(); // exempt:abstract-toString
        String describe(); // covered:describe
      }
      """;
  private static final String DESCRIBERS = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class Describers {
        public static class Base {
          @PersonalData(category = Category.USER_NAME, purposes = Purpose.MARKETING)
          public String name;
          public String describe() { return "base"; }
        }
        public static class Aside extends Base implements Describable {} // aside
        public static class Own implements Describable {
          @Override public String toString() { return "own"; }
          public String describe() { return "own"; }
        }
      }
      """;
  private static final String LOOKUPS = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public class Lookups {
        public interface Finder {
          @ConsentRequired(Purpose.MARKETING)
          Channel find(String name);
        }
        public interface Namer {
          @ConsentRequired(Purpose.MARKETING)
          String name(Mailer mailer);
        }
        public interface Sender {
          @ConsentRequired(Purpose.MARKETING)
          void send(Mailer mailer, String text);
        }
        Finder finder = Channel::valueOf; // reference:valueOf
        Namer namer = Mailer::toString; // reference:toString
        Sender sender = Mailer::send; // reference:covered
      }
      """;

  private static FlowCompilation compile() {
    return FlowCompilation.compile(
        FlowCompilation.source("com.acme.Mailer", MAILER),
        FlowCompilation.source("com.acme.Profile", PROFILE),
        FlowCompilation.source("com.acme.Catalogue", CATALOGUE),
        FlowCompilation.source("com.acme.Channel", CHANNEL),
        FlowCompilation.source("com.acme.Describable", DESCRIBABLE),
        FlowCompilation.source("com.acme.Describers", DESCRIBERS),
        FlowCompilation.source("com.acme.Lookups", LOOKUPS));
  }

  private static Map<String, Activity> activities(FlowCompilation compiled, String type) {
    return compiled.fragment(type).activities().stream()
        .collect(Collectors.toMap(Activity::id, Function.identity()));
  }

  private static JavaFileObject file(FlowCompilation compiled, String name) {
    return compiled.compilation.sourceFiles().stream()
        .filter(f -> f.getName().endsWith("/" + name)).findFirst().orElseThrow();
  }

  /** The lines of {@code id}'s diagnostics of {@code kind} in {@code name}, in order. */
  private static List<Long> lines(FlowCompilation compiled, Diagnostic.Kind kind, String id, String name) {
    return compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind && d.getMessage(null).startsWith(id))
        .filter(d -> d.getSource() != null && d.getSource().getName().endsWith("/" + name))
        .map(Diagnostic::getLineNumber)
        .toList();
  }

  @Test
  void objectMethodsAndEnumLookupsAreNoActivitiesOfTheType() {
    FlowCompilation compiled = compile();
    assertThat(compiled.compilation).succeeded();
    ConsentRequirement marketing = new ConsentRequirement(List.of("marketing"), OnDenied.THROW);
    Map<String, Activity> mailer = activities(compiled, "com.acme.Mailer");
    assertThat(mailer.keySet()).containsExactly(
        "com.acme.Mailer#send(java.lang.String)", "com.acme.Mailer#toString(java.lang.String)");
    assertThat(mailer.get("com.acme.Mailer#toString(java.lang.String)").consent()).isEqualTo(marketing);
    // a type's @ProcessingActivity covers the same methods
    assertThat(activities(compiled, "com.acme.Catalogue").keySet()).containsExactly("com.acme.Catalogue#list()");
    Map<String, Activity> channel = activities(compiled, "com.acme.Channel");
    assertThat(channel.keySet()).containsExactly("com.acme.Channel#label()", "com.acme.Channel#toString()");
    // an activity by its own annotation, without the type's consent (and so without PW014)
    Activity listing = channel.get("com.acme.Channel#toString()");
    assertThat(listing.name()).isEqualTo("Channel listing");
    assertThat(listing.consent()).isNull();
    assertThat(listing.subjectFrom()).isNull();
    assertThat(activities(compiled, "com.acme.Describable").keySet())
        .containsExactly("com.acme.Describable#describe()");
    // Own's toString implements no requirement: the interface's type annotation does not cover it
    Map<String, Activity> describers = activities(compiled, "com.acme.Describers");
    assertThat(describers.keySet()).containsExactly("com.acme.Describers$Own#describe()");
    assertThat(describers.get("com.acme.Describers$Own#describe()").consent()).isEqualTo(marketing);
  }

  @Test
  void aMethodsOwnAnnotationStillAppliesAndAnActivityByItsBodyGetsNoConsentFromTheType() {
    FlowCompilation compiled = compile();
    Map<String, Activity> profile = activities(compiled, "com.acme.Profile");
    assertThat(profile.keySet()).containsExactly("com.acme.Profile#hashCode()", "com.acme.Profile#toString()");
    Activity hashCode = profile.get("com.acme.Profile#hashCode()");
    assertThat(hashCode.consent().purposes()).containsExactly("analytics");
    assertThat(hashCode.purposes()).containsExactly("analytics");
    // toString prints the address itself, so it is an activity, but the agent checks no consent there
    Activity toString = profile.get("com.acme.Profile#toString()");
    assertThat(toString.consent()).isNull();
    assertThat(toString.purposes()).isEmpty();
    assertThat(toString.subjectFrom()).isNull();
    assertThat(toString.sinks()).containsExactly(FlowCompilation.sinkAt(PROFILE, "printed", SinkKind.CONSOLE,
        "java.io.PrintStream#println", Confidence.DIRECT, "com.acme.Profile#email"));
  }

  @Test
  void pw014OnlyForTheMethodsTheTypeCovers() {
    FlowCompilation compiled = compile();
    assertThat(lines(compiled, Diagnostic.Kind.NOTE, "PW014", "Mailer.java")).containsExactly(
        (long) FlowCompilation.line(MAILER, "covered:send"),
        (long) FlowCompilation.line(MAILER, "covered:overload")).inOrder();
    assertThat(lines(compiled, Diagnostic.Kind.NOTE, "PW014", "Profile.java")).containsExactly(
        (long) FlowCompilation.line(PROFILE, "own:hashCode") - 1); // on its @ConsentRequired
    assertThat(lines(compiled, Diagnostic.Kind.NOTE, "PW014", "Channel.java"))
        .containsExactly((long) FlowCompilation.line(CHANNEL, "covered:label"));
    assertThat(lines(compiled, Diagnostic.Kind.NOTE, "PW014", "Describable.java"))
        .containsExactly((long) FlowCompilation.line(DESCRIBABLE, "covered:describe"));
  }

  @Test
  void pw028ForAnInheritedImplementationOfACoveredMethodOnly() {
    FlowCompilation compiled = compile();
    assertThat(compiled.compilation).hadWarningContaining("PW028: com.acme.Describers.Aside implements"
        + " com.acme.Describable#describe with com.acme.Describers.Base#describe, inherited from a superclass that"
        + " does not implement com.acme.Describable").inFile(file(compiled, "Describers.java"))
        .onLineContaining("// aside");
    assertThat(lines(compiled, Diagnostic.Kind.WARNING, "PW028", "Describers.java"))
        .containsExactly((long) FlowCompilation.line(DESCRIBERS, "aside"));
  }

  @Test
  void pw029ForAReferenceToAMethodTheTypeDoesNotCover() {
    FlowCompilation compiled = compile();
    JavaFileObject lookups = file(compiled, "Lookups.java");
    assertThat(compiled.compilation).hadWarningContaining("PW029: a reference to"
        + " com.acme.Channel#valueOf(java.lang.String) implements com.acme.Lookups.Finder#find(java.lang.String),"
        + " which requires consent for [marketing]").inFile(lookups).onLineContaining("// reference:valueOf");
    assertThat(compiled.compilation).hadWarningContaining("PW029: a reference to com.acme.Mailer#toString()"
        + " implements com.acme.Lookups.Namer#name(com.acme.Mailer)").inFile(lookups)
        .onLineContaining("// reference:toString");
    assertThat(lines(compiled, Diagnostic.Kind.WARNING, "PW029", "Lookups.java")).containsExactly(
        (long) FlowCompilation.line(LOOKUPS, "reference:valueOf"),
        (long) FlowCompilation.line(LOOKUPS, "reference:toString")).inOrder();
  }
}

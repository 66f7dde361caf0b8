package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method that implements an abstract method requiring consent is an activity with that consent,
 * as the agent enforces it: the inventory, the records of processing and PW017 agree with the agent.
 */
class InheritedConsentTest {
  private static final String API = """
      package com.acme.api;
      import dev.piiwarden.annotations.*;
      public interface Mailing {
        @ConsentRequired(Purpose.MARKETING_COMMUNICATIONS_EMAIL)
        String send(@DataSubject String customerId, Customer customer);
        String preview(String body);
      }
      """;
  private static final String CUSTOMER = """
      package com.acme.api;
      import dev.piiwarden.annotations.*;
      public class Customer {
        @DataSubject public String id;
        @PersonalData(category = Category.USER_CONTACT_EMAIL,
            purposes = Purpose.MARKETING_COMMUNICATIONS_EMAIL, basis = LawfulBasis.CONSENT)
        public String email;
      }
      """;
  private static final String IMPLEMENTATIONS = """
      package com.acme.app;
      import com.acme.api.*;
      import dev.piiwarden.annotations.*;
      public class MailingService implements Mailing {
        public String send(String customerId, Customer customer) { return "to " + customer.email; }
        public String preview(String body) { return body; }

        public static class Counting extends MailingService {
          @Override public String send(String customerId, Customer customer) {
            return super.send(customerId, customer) + "+counted";
          }
        }

        public static class Redeclaring extends MailingService implements Mailing {
          @Override public String send(String customerId, Customer customer) {
            return super.send(customerId, customer);
          }
        }

        public interface Campaigns extends Mailing {}

        public static class Campaign implements Campaigns {
          public String send(String customerId, Customer customer) { return "sent"; }
          public String preview(String body) { return body; }
        }

        public interface Store<T> {
          @ConsentRequired(value = Purpose.ANALYTICS_REPORTING, onDenied = OnDenied.SKIP)
          T save(@DataSubject String customerId, T value);
        }

        public static class NoteStore implements Store<String> {
          public String save(String customerId, String value) { return value; }
        }

        @ConsentRequired(Purpose.ANALYTICS_REPORTING)
        public interface Profiler {
          String profile(Customer customer);
        }

        public static class Profiles implements Profiler {
          public String profile(Customer customer) { return "p"; }
        }

        public static class Own implements Mailing {
          @ConsentRequired(Purpose.ESSENTIAL_SERVICE)
          public String send(String customerId, Customer customer) { return "own"; }
          public String preview(String body) { return body; }
        }
      }
      """;

  @TempDir Path folder;

  @Test
  void implementationsCarryTheConsentOfTheAbstractMethodTheyImplement() throws IOException {
    Compilation compilation = javac().withProcessors(new PiiWardenProcessor()).compile(
        JavaFileObjects.forSourceString("com.acme.api.Mailing", API),
        JavaFileObjects.forSourceString("com.acme.api.Customer", CUSTOMER),
        JavaFileObjects.forSourceString("com.acme.app.MailingService", IMPLEMENTATIONS));

    assertThat(compilation).succeededWithoutWarnings();
    assertInherited(activities(fragment(compilation, "com.acme.app.MailingService")));
  }

  /** The interface compiled earlier, on the class path, as an API module's classes are. */
  @Test
  void anInterfaceFromTheClassPathCountsAsWell() throws IOException {
    Compilation api = javac().withProcessors(new PiiWardenProcessor()).compile(
        JavaFileObjects.forSourceString("com.acme.api.Mailing", API),
        JavaFileObjects.forSourceString("com.acme.api.Customer", CUSTOMER));
    assertThat(api).succeeded();
    Path classes = folder.resolve("api");
    for (JavaFileObject file : api.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        Path target = classes.resolve(file.getName().substring(file.getName().indexOf("com/acme")));
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    Compilation app = javac().withProcessors(new PiiWardenProcessor())
        .withClasspath(classPath(classes))
        .compile(JavaFileObjects.forSourceString("com.acme.app.MailingService", IMPLEMENTATIONS));

    assertThat(app).succeededWithoutWarnings();
    assertInherited(activities(fragment(app, "com.acme.app.MailingService")));
  }

  /**
   * PW027: an interface a framework implements with a proxy has no implementation the agent could
   * check; a plain service interface is not reported.
   */
  @Test
  void consentOnAMethodAFrameworkImplementsWithAProxyIsReported() {
    Compilation compilation = javac().withProcessors(new PiiWardenProcessor()).compile(
        JavaFileObjects.forSourceString("org.springframework.data.repository.Repository", """
            package org.springframework.data.repository;
            public interface Repository<T, ID> {}
            """),
        JavaFileObjects.forSourceString("org.apache.ibatis.annotations.Mapper", """
            package org.apache.ibatis.annotations;
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            public @interface Mapper {}
            """),
        JavaFileObjects.forSourceString("retrofit2.http.POST", """
            package retrofit2.http;
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            public @interface POST { String value(); }
            """),
        JavaFileObjects.forSourceString("com.acme.api.Mailing", API),
        JavaFileObjects.forSourceString("com.acme.api.Customer", CUSTOMER),
        JavaFileObjects.forSourceString("com.acme.app.Proxied", """
            package com.acme.app;
            import com.acme.api.Customer;
            import dev.piiwarden.annotations.*;
            import java.util.List;
            public class Proxied {
              public interface Customers extends org.springframework.data.repository.Repository<Customer, String> {}
              public interface Subscribers extends Customers {
                @ConsentRequired(Purpose.MARKETING_COMMUNICATIONS_EMAIL)
                List<Customer> findByNewsletterTrue();
              }
              @org.apache.ibatis.annotations.Mapper
              @ConsentRequired(Purpose.ANALYTICS_REPORTING)
              public interface Scores {
                int score(@DataSubject String customerId);
              }
              public interface Remote {
                @retrofit2.http.POST("/mail")
                @ConsentRequired(Purpose.MARKETING_COMMUNICATIONS_EMAIL)
                String mail(@DataSubject String customerId);
              }
            }
            """));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining(
        "PW027: @ConsentRequired on com.acme.app.Proxied.Subscribers#findByNewsletterTrue, a method Spring Data"
            + " implements with a proxy at run time");
    assertThat(compilation).hadWarningContaining(
        "PW027: @ConsentRequired on com.acme.app.Proxied.Scores#score, a method MyBatis implements");
    assertThat(compilation).hadWarningContaining(
        "PW027: @ConsentRequired on com.acme.app.Proxied.Remote#mail, a method Retrofit implements");
    long reported = compilation.warnings().stream()
        .filter(warning -> warning.getMessage(null).contains("PW027")).count();
    assertThat(reported).isEqualTo(3L);
  }

  /**
   * PW028: a class whose implementation of an abstract method requiring consent comes from a
   * superclass that does not implement the interface is reported, directly and through an abstract
   * class; one that overrides the method, or whose superclass implements the interface, is not.
   */
  @Test
  void anImplementationInheritedFromASuperclassOutsideTheInterfaceIsReported() {
    Compilation compilation = javac().withProcessors(new PiiWardenProcessor()).compile(
        JavaFileObjects.forSourceString("com.acme.api.Mailing", API),
        JavaFileObjects.forSourceString("com.acme.api.Customer", CUSTOMER),
        JavaFileObjects.forSourceString("com.acme.app.Senders", """
            package com.acme.app;
            import com.acme.api.*;
            public class Senders {
              public static class Helper {
                public String send(String customerId, Customer customer) { return "sent"; }
                public String preview(String body) { return body; }
              }
              public static class Aside extends Helper implements Mailing {}
              public abstract static class AbstractAside extends Helper implements Mailing {}
              public static class Deeper extends AbstractAside {}
              public static class Overriding extends Helper implements Mailing {
                @Override public String send(String customerId, Customer customer) {
                  return super.send(customerId, customer);
                }
              }
              public static class Implementing extends Helper implements Mailing {
                @Override public String send(String customerId, Customer customer) { return "own"; }
              }
              public static class Below extends Implementing {}
            }
            """));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("PW028: com.acme.app.Senders.Aside implements com.acme.api.Mailing#send"
        + " with com.acme.app.Senders.Helper#send, inherited from a superclass that does not implement"
        + " com.acme.api.Mailing");
    assertThat(compilation).hadWarningContaining("Override send in this class (calling super) or put"
        + " @ConsentRequired on com.acme.app.Senders.Helper#send.");
    assertThat(compilation).hadWarningContaining("PW028: com.acme.app.Senders.Deeper implements");
    long reported = compilation.warnings().stream()
        .filter(warning -> warning.getMessage(null).contains("PW028")).count();
    assertThat(reported).isEqualTo(2L);
  }

  /**
   * A class another processor generates in a later round (as MapStruct generates a mapper's
   * implementation) inherits the consent of the interface compiled in the first, also without the
   * flow analysis, where it is written in its round: javac enters each round's classes anew, and
   * what the first round worked out about the interface would compare the methods of another.
   */
  @Test
  void aClassGeneratedInALaterRoundInheritsConsent() throws IOException {
    javax.annotation.processing.Processor generator = new javax.annotation.processing.AbstractProcessor() {
      private boolean generated;

      @Override
      public java.util.Set<String> getSupportedAnnotationTypes() {
        return java.util.Set.of("*");
      }

      @Override
      public javax.lang.model.SourceVersion getSupportedSourceVersion() {
        return javax.lang.model.SourceVersion.latestSupported();
      }

      @Override
      public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
          javax.annotation.processing.RoundEnvironment round) {
        if (!generated) {
          generated = true;
          try (java.io.Writer source = processingEnv.getFiler()
              .createSourceFile("com.acme.app.GeneratedStore").openWriter()) {
            source.write("""
                package com.acme.app;
                import dev.piiwarden.annotations.*;
                @ProcessingActivity(name = "generated store", purposes = Purpose.ESSENTIAL_SERVICE)
                public class GeneratedStore implements MailingService.Store<String> {
                  public String save(String customerId, String value) { return value; }
                }
                """);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        return false;
      }
    };
    Compilation compilation = javac().withProcessors(new PiiWardenProcessor(), generator)
        .withOptions("-Apiiwarden.flow=false")
        .compile(JavaFileObjects.forSourceString("com.acme.api.Mailing", API),
            JavaFileObjects.forSourceString("com.acme.api.Customer", CUSTOMER),
            // compiled in the first round, so what Mailing passes on is worked out there
            JavaFileObjects.forSourceString("com.acme.app.MailingService", IMPLEMENTATIONS));

    assertThat(compilation).succeeded();
    Activity save = activities(fragment(compilation, "com.acme.app.GeneratedStore"))
        .get("com.acme.app.GeneratedStore#save(java.lang.String,java.lang.String)");
    assertThat(save.consent().purposes()).containsExactly("analytics.reporting");
    assertThat(save.consent().onDenied().name()).isEqualTo("SKIP");
  }

  private static void assertInherited(Map<String, Activity> activities) {
    Activity send = activities.get("com.acme.app.MailingService#send(java.lang.String,com.acme.api.Customer)");
    assertThat(send.consent().purposes()).containsExactly("marketing.communications.email");
    assertThat(send.consent().onDenied().name()).isEqualTo("THROW");
    assertThat(send.subjectFrom()).isEqualTo("PARAMETER 0");
    assertThat(send.purposes()).containsExactly("marketing.communications.email");
    assertThat(send.reads()).containsExactly("com.acme.api.Customer#email");
    assertThat(activities).doesNotContainKey("com.acme.app.MailingService#preview(java.lang.String)");
    assertThat(activities).doesNotContainKey(
        "com.acme.app.MailingService$Counting#send(java.lang.String,com.acme.api.Customer)");
    assertThat(activities).doesNotContainKey(
        "com.acme.app.MailingService$Redeclaring#send(java.lang.String,com.acme.api.Customer)");
    assertThat(activities.get("com.acme.app.MailingService$Campaign#send(java.lang.String,com.acme.api.Customer)")
        .consent().purposes()).containsExactly("marketing.communications.email");
    Activity save = activities.get("com.acme.app.MailingService$NoteStore#save(java.lang.String,java.lang.String)");
    assertThat(save.consent().purposes()).containsExactly("analytics.reporting");
    assertThat(save.consent().onDenied().name()).isEqualTo("SKIP");
    assertThat(save.subjectFrom()).isEqualTo("PARAMETER 0");
    Activity profile = activities.get("com.acme.app.MailingService$Profiles#profile(com.acme.api.Customer)");
    assertThat(profile.consent().purposes()).containsExactly("analytics.reporting");
    assertThat(profile.subjectFrom()).isEqualTo("PARAMETER 0 FIELD id");
    assertThat(activities.get("com.acme.app.MailingService$Own#send(java.lang.String,com.acme.api.Customer)")
        .consent().purposes()).containsExactly("essential.service");
  }

  private static List<File> classPath(Path classes) {
    List<File> path = new java.util.ArrayList<>();
    path.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      path.add(new File(entry));
    }
    return path;
  }

  private static String fragment(Compilation compilation, String type) throws IOException {
    return compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/" + type + ".json")
        .orElseThrow()
        .getCharContent(true)
        .toString();
  }

  private static Map<String, Activity> activities(String fragment) throws IOException {
    Inventory inventory = InventoryJson.read(fragment.getBytes(StandardCharsets.UTF_8), "fragment");
    return inventory.activities().stream().collect(Collectors.toMap(Activity::id, Function.identity()));
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.Inventory;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Kotlin classes as kapt hands them to javac's processors: Java stubs with {@code @kotlin.Metadata}
 * and no method bodies, processed with the {@code kapt.kotlin.generated} option, after which javac
 * stops (no analysis event ever comes). The fragments are written from the declarations and say
 * that the bodies were not analysed; an annotation Kotlin left on a primary constructor's
 * parameter, where the property does not carry it, is PW026. The real kapt runs in the Maven
 * plugin's {@code kotlin-kapt} invoker test.
 */
class KaptStubTest {
  private static final JavaFileObject METADATA = FlowCompilation.source("kotlin.Metadata", """
      package kotlin;
      import java.lang.annotation.*;
      @Retention(RetentionPolicy.RUNTIME)
      @Target(ElementType.TYPE)
      public @interface Metadata {
        int k() default 1;
      }
      """);

  /** {@code data class Customer(@field:DataSubject val id, @PersonalData val email, @field:PersonalData val phone)}. */
  static final String CUSTOMER = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @kotlin.Metadata(k = 1)
      public final class Customer {
        @DataSubject
        private final java.lang.String id = null;
        private final java.lang.String email = null;
        @PersonalData(category = "user.contact.phone_number")
        private final java.lang.String phone = null;

        public final Customer copy(java.lang.String id,
            @PersonalData(category = "user.contact.email") java.lang.String email, java.lang.String phone) {
          return null;
        }

        public Customer(java.lang.String id,
            @PersonalData(category = "user.contact.email") java.lang.String email, // parameter:email
            java.lang.String phone) {
          super();
        }

        public final java.lang.String getId() { return null; }
        public final java.lang.String getEmail() { return null; }
        public final java.lang.String getPhone() { return null; }
      }
      """;

  /** The same shape in Java: a constructor parameter is a parameter. */
  private static final JavaFileObject JAVA_LEAD = FlowCompilation.source("com.acme.Lead", """
      package com.acme;
      import dev.piiwarden.annotations.*;
      public final class Lead {
        private final String email;
        public Lead(@PersonalData(category = "user.contact.email") String email) {
          this.email = email;
        }
      }
      """);

  @Test
  void underKaptTheFragmentsAreWrittenFromTheDeclarationsAndSaySo() {
    JavaFileObject customer = FlowCompilation.source("com.acme.Customer", CUSTOMER);
    FlowCompilation compiled = FlowCompilation.compile(
        List.of("-Akapt.kotlin.generated=build/generated/kaptKotlin"), METADATA, customer, JAVA_LEAD);

    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation).hadNoteContaining("PW019: PII Warden's method-body analysis is not"
        + " available: kapt runs annotation processors over stubs of the Kotlin classes");
    Inventory fragment = compiled.fragment("com.acme.Customer");
    assertThat(fragment).isNotNull();
    assertThat(fragment.withoutBodyAnalysis()).containsExactly("com.acme.Customer");
    assertThat(fragment.dataElements().stream().map(DataElement::id).toList())
        .contains("com.acme.Customer#phone");
    assertThat(compiled.fragment("com.acme.Lead").withoutBodyAnalysis()).containsExactly("com.acme.Lead");
  }

  @Test
  void anAnnotationOnAKotlinConstructorPropertysParameterOnlyIsAWarning() {
    JavaFileObject customer = FlowCompilation.source("com.acme.Customer", CUSTOMER);
    FlowCompilation compiled = FlowCompilation.compile(
        List.of("-Akapt.kotlin.generated=build/generated/kaptKotlin"), METADATA, customer, JAVA_LEAD);

    assertThat(compiled.compilation).hadWarningContaining("PW026: @PersonalData on email, a property"
        + " of com.acme.Customer's primary constructor, is on the constructor's parameter only")
        .inFile(customer).onLine(FlowCompilation.line(CUSTOMER, "parameter:email"));
    assertThat(compiled.compilation).hadWarningContaining("Write @field:PersonalData (or"
        + " @get:PersonalData) on it.");
    // once: not for copy()'s parameter, nor for the properties whose fields carry it, nor in Java
    assertThat(compiled.compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).contains("PW026"))
        .count()).isEqualTo(1);
  }
}

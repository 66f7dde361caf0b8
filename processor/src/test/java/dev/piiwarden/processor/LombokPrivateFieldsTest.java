package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Lombok's {@code @Value} and {@code @FieldDefaults(level = PRIVATE)} make the fields declared
 * without an access modifier private by changing their declarations in the source tree; javac gives
 * the fields those modifiers only in the next round, after the descriptor is written. The
 * descriptor reads such a field as a private one (through its getter), so it compiles.
 */
class LombokPrivateFieldsTest {
  /** Does to the fields of a class marked {@code @com.acme.Value} what Lombok's {@code @Value} does to their modifiers. */
  static final class MakesFieldsPrivate extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("com.acme.Value");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      Trees trees = Trees.instance(processingEnv);
      for (TypeElement annotation : annotations) {
        for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
          for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (field.getKind() == ElementKind.FIELD && !field.getModifiers().contains(Modifier.PRIVATE)) {
              makePrivate(trees.getTree(field));
            }
          }
        }
      }
      return false;
    }

    /** {@code field.mods.flags |= Flags.PRIVATE}, as Lombok writes it. */
    private static void makePrivate(Object declaration) {
      try {
        Object modifiers = declaration.getClass().getField("mods").get(declaration);
        Field flags = modifiers.getClass().getField("flags");
        flags.setLong(modifiers, flags.getLong(modifiers) | 1L << 1);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final JavaFileObject VALUE = JavaFileObjects.forSourceString("com.acme.Value", """
      package com.acme;
      import java.lang.annotation.*;
      @Retention(RetentionPolicy.SOURCE) @Target(ElementType.TYPE) public @interface Value {}
      """);

  private static final JavaFileObject PATIENT = JavaFileObjects.forSourceString("com.acme.Patient", """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @Value
      public class Patient {
        @DataSubject String id;
        @PersonalData(category = Category.USER_HEALTH_AND_MEDICAL, basis = LawfulBasis.CONSENT)
        String diagnosis;
        @PersonalData(category = Category.USER_CONTACT_PHONE_NUMBER, basis = LawfulBasis.CONTRACT)
        String phone;
        Patient(String id, String diagnosis, String phone) {
          this.id = id;
          this.diagnosis = diagnosis;
          this.phone = phone;
        }
        public String getDiagnosis() { return diagnosis; }
      }
      """);

  @Test
  void aFieldMadePrivateInTheSourceByAnEarlierProcessorIsReadAsAPrivateOne() throws IOException {
    Compilation compilation = javac()
        .withProcessors(new MakesFieldsPrivate(), new PiiWardenProcessor())
        .compile(VALUE, PATIENT);

    assertThat(compilation).succeededWithoutWarnings();
    String descriptor = compilation.generatedSourceFile("com.acme.Patient_PiiWardenDescriptor").orElseThrow()
        .getCharContent(true).toString();
    assertThat(descriptor).contains("o -> o.getDiagnosis()");
    assertThat(descriptor).contains("PHONE_HANDLE = field(\"phone\", String.class, false)");
    assertThat(descriptor).doesNotContain("o.diagnosis");
    assertThat(descriptor).doesNotContain("o.phone");
  }
}

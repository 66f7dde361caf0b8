package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looking for a web framework's annotations through the annotations on annotations must not make
 * javac read a library's optional dependencies: Spring's {@code @Nullable} carries jsr305's
 * {@code @Nonnull(when = When.MAYBE)}, and with jsr305 absent, as it usually is, reading it gives
 * "unknown enum constant When.MAYBE", a warning that fails a build with {@code -Werror}. The
 * nullness libraries' annotations are not looked into.
 */
class MissingLibraryClassesTest {
  private static final Map<String, String> LIBRARIES = Map.of(
      "org/example/qualifiers/When.java", "package org.example.qualifiers; public enum When { ALWAYS, MAYBE }",
      "org/example/qualifiers/Nonnull.java", """
          package org.example.qualifiers;
          @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
          public @interface Nonnull { When when() default When.ALWAYS; }
          """,
      "org/springframework/lang/Nullable.java", """
          package org.springframework.lang;
          @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
          @org.example.qualifiers.Nonnull(when = org.example.qualifiers.When.MAYBE)
          public @interface Nullable {}
          """,
      "org/springframework/web/bind/annotation/ResponseBody.java", """
          package org.springframework.web.bind.annotation;
          @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
          public @interface ResponseBody {}
          """,
      "org/springframework/transaction/Interceptor.java", """
          package org.springframework.transaction;
          public class Interceptor {
            @org.springframework.lang.Nullable
            public Object invoke(Object invocation) { return invocation; }
          }
          """);

  @Test
  void aLibraryAnnotationsOptionalDependencyIsNotRead(@TempDir Path dir) throws IOException {
    for (Map.Entry<String, String> file : LIBRARIES.entrySet()) {
      Path path = dir.resolve("libraries").resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
    StandaloneCompilation libraries =
        StandaloneCompilation.run(dir.resolve("libraries"), dir.resolve("out-libraries"), List.of(), false);
    assertWithMessage(libraries.diagnostics()).that(libraries.success()).isTrue();
    // an optional dependency of the library's, as jsr305 is Spring's (named apart here, since the
    // tests' own class path holds jsr305): not on the class path
    Files.delete(libraries.classes().resolve("org/example/qualifiers/When.class"));
    Files.delete(libraries.classes().resolve("org/example/qualifiers/Nonnull.class"));
    Path app = Files.createDirectories(dir.resolve("app/com/acme"));
    Files.writeString(app.resolve("TxInterceptor.java"), """
        package com.acme;
        public class TxInterceptor extends org.springframework.transaction.Interceptor {
          @Override
          public Object invoke(Object invocation) { return super.invoke(invocation); }
        }
        """);
    Files.writeString(app.resolve("User.java"), FlowFixtures.user().getCharContent(true).toString());
    Files.writeString(app.resolve("Person.java"), FlowFixtures.person().getCharContent(true).toString());
    StandaloneCompilation compiled = StandaloneCompilation.run(dir.resolve("app"), dir.resolve("out-app"),
        List.of(libraries.classes()), true, List.of("-Xlint:all", "-Werror"));
    assertWithMessage(compiled.diagnostics()).that(compiled.success()).isTrue();
    assertWithMessage(compiled.diagnostics()).that(compiled.diagnostics()).doesNotContain("When");
  }
}

package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Which methods become activities when the annotation is on the type. */
class ActivityRulesTest {
  @Test
  void anAnnotatedEnumListsItsWrittenPublicMethodsOnly() throws IOException {
    Compilation compilation = javac().withProcessors(new PiiWardenProcessor())
        .compile(JavaFileObjects.forSourceString("com.acme.Channel", """
            package com.acme;
            @dev.piiwarden.annotations.ConsentRequired("marketing")
            public enum Channel {
              EMAIL;
              public void send(@dev.piiwarden.annotations.DataSubject String userId) {}
              void internal() {}
            }
            """));
    assertThat(compilation).succeeded();
    String fragment = compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/com.acme.Channel.json")
        .orElseThrow()
        .getCharContent(true)
        .toString();
    assertThat(fragment).contains("\"id\" : \"com.acme.Channel#send(java.lang.String)\"");
    assertThat(fragment).contains("\"subjectFrom\" : \"PARAMETER 0\"");
    assertThat(fragment).doesNotContain("values()");
    assertThat(fragment).doesNotContain("valueOf");
    assertThat(fragment).doesNotContain("internal");
  }

  @Test
  void everyMethodOfAnAnnotatedInterfaceIsAnActivity() throws IOException {
    Compilation compilation = javac().withProcessors(new PiiWardenProcessor())
        .compile(JavaFileObjects.forSourceString("com.acme.Mailer", """
            package com.acme;
            @dev.piiwarden.annotations.ProcessingActivity(name = "Mailing", purposes = "marketing")
            public interface Mailer {
              void mail(String[] to, int retries);
              private void helper() {}
            }
            """));
    assertThat(compilation).succeeded();
    String fragment = compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/com.acme.Mailer.json")
        .orElseThrow()
        .getCharContent(true)
        .toString();
    assertThat(fragment).contains("\"id\" : \"com.acme.Mailer#mail(java.lang.String[],int)\"");
    assertThat(fragment).contains("\"name\" : \"Mailing\"");
    assertThat(fragment).doesNotContain("helper");
    assertThat(fragment).doesNotContain("subjectFrom");
  }
}

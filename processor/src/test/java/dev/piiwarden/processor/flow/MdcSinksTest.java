package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A value put into a logging framework's diagnostic context (SLF4J's and Log4j 1's {@code MDC},
 * Log4j 2's {@code ThreadContext}, JBoss Logging's {@code MDC}) is in every log line written while
 * it is there: a LOG sink, with PW018, like a logger call.
 */
class MdcSinksTest {
  private static final String EMAIL = "com.acme.User#email";

  private static final String FILTER = """
      package com.acme;
      import java.util.Map;
      public class Filter {
        void slf4j(User u) { org.slf4j.MDC.put("user", u.getEmail()); } // mdc:slf4j
        void closeable(User u) { try (var c = org.slf4j.MDC.putCloseable("user", u.getEmail())) { } } // mdc:closeable
        void adapter(User u, org.slf4j.spi.MDCAdapter mdc) { mdc.put("user", u.getEmail()); } // mdc:adapter
        void log4j(User u) { org.apache.logging.log4j.ThreadContext.put("user", u.getEmail()); } // mdc:log4j
        void log4jAll(User u) { org.apache.logging.log4j.ThreadContext.putAll(Map.of("user", u.getEmail())); } // all:log4j
        void log4jStack(User u) { org.apache.logging.log4j.ThreadContext.push(u.getEmail()); } // stack:log4j
        void jboss(User u) { org.jboss.logging.MDC.put("user", u.getEmail()); } // mdc:jboss
        void key(User u) { org.slf4j.MDC.put("request", "r-1"); }
      }
      """;

  private static List<JavaFileObject> stubs() {
    return List.of(
        FlowCompilation.source("org.slf4j.MDC", """
            package org.slf4j;
            public class MDC {
              public static void put(String key, String value) {}
              public static MDCCloseable putCloseable(String key, String value) { return null; }
              public static class MDCCloseable implements java.io.Closeable { public void close() {} }
            }
            """),
        FlowCompilation.source("org.slf4j.spi.MDCAdapter", """
            package org.slf4j.spi;
            public interface MDCAdapter { void put(String key, String value); }
            """),
        FlowCompilation.source("org.apache.logging.log4j.ThreadContext", """
            package org.apache.logging.log4j;
            public final class ThreadContext {
              public static void put(String key, String value) {}
              public static void putAll(java.util.Map<String, String> values) {}
              public static void push(String message) {}
            }
            """),
        FlowCompilation.source("org.jboss.logging.MDC", """
            package org.jboss.logging;
            public final class MDC { public static Object put(String key, Object value) { return null; } }
            """));
  }

  @Test
  void aValuePutIntoTheDiagnosticContextReachesTheLog() {
    JavaFileObject filter = FlowCompilation.source("com.acme.Filter", FILTER);
    List<JavaFileObject> sources = new ArrayList<>(stubs());
    sources.addAll(List.of(FlowFixtures.person(), FlowFixtures.user(), filter));
    FlowCompilation compiled = FlowCompilation.compile(sources.toArray(JavaFileObject[]::new));

    assertThat(compiled.compilation).succeeded();
    record Expected(String method, String marker, String target) {}
    for (Expected expected : List.of(
        new Expected("slf4j(com.acme.User)", "mdc:slf4j", "org.slf4j.MDC#put"),
        new Expected("closeable(com.acme.User)", "mdc:closeable", "org.slf4j.MDC#putCloseable"),
        new Expected("adapter(com.acme.User,org.slf4j.spi.MDCAdapter)", "mdc:adapter", "org.slf4j.spi.MDCAdapter#put"),
        new Expected("log4j(com.acme.User)", "mdc:log4j", "org.apache.logging.log4j.ThreadContext#put"),
        new Expected("log4jStack(com.acme.User)", "stack:log4j", "org.apache.logging.log4j.ThreadContext#push"),
        new Expected("jboss(com.acme.User)", "mdc:jboss", "org.jboss.logging.MDC#put"))) {
      assertThat(compiled.compilation)
          .hadWarningContaining("PW018: Personal data " + EMAIL + " reaches the LOG sink " + expected.target() + ".")
          .inFile(filter).onLineContaining("// " + expected.marker());
      assertThat(compiled.activity("com.acme.Filter", "com.acme.Filter#" + expected.method()).sinks())
          .containsExactly(FlowCompilation.sinkAt(FILTER, expected.marker(), SinkKind.LOG, expected.target(),
              Confidence.DIRECT, EMAIL));
    }
    assertThat(compiled.activity("com.acme.Filter", "com.acme.Filter#log4jAll(com.acme.User)").sinks().get(0).target())
        .isEqualTo("org.apache.logging.log4j.ThreadContext#putAll");
    assertThat(compiled.fragment("com.acme.Filter").activities().stream()
        .noneMatch(a -> a.id().equals("com.acme.Filter#key(com.acme.User)"))).isTrue();
  }
}

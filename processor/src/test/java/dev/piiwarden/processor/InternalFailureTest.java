package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** A failure inside the processor becomes one error diagnostic, never an exception out of javac. */
class InternalFailureTest {
  @Test
  void anExceptionBecomesOneErrorAskingForAReport() {
    List<String> errors = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Messager messager = (Messager) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Messager.class}, (proxy, method, args) -> {
          if (method.getName().equals("printMessage")) {
            (args[0] == Diagnostic.Kind.ERROR ? errors : notes).add(args[1].toString());
          }
          return null;
        });
    ProcessingEnvironment env = (ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "getMessager":
              return messager;
            case "getOptions":
              throw new IllegalStateException("options unavailable", new java.io.IOException("zip file closed"));
            default:
              return null;
          }
        });
    RoundEnvironment round = (RoundEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {RoundEnvironment.class}, (proxy, method, args) -> {
          throw new AssertionError("not reached");
        });

    PiiWardenProcessor processor = new PiiWardenProcessor();
    processor.init(env);
    processor.process(Set.of(), round);

    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith(
        "PW011: PII Warden failed internally while reading the options:"
            + " java.lang.IllegalStateException: options unavailable. This is a bug in the processor;"
            + " please report it");
    assertThat(errors.get(0)).contains(System.lineSeparator() + "Caused by: java.io.IOException: zip file closed"
        + System.lineSeparator() + "\tat ");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0)).startsWith("PW012");
  }
}

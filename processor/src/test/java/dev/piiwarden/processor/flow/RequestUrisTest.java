package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A URI built from personal data ({@code URI.create("…?email=" + email)}) carries it, and the
 * JDK HTTP client's request builder sends it, whether handed to {@code newBuilder(uri)} or {@code
 * uri(uri)}. An HTTP sink is recorded in the inventory; PW018 is for logs and the console only.
 */
class RequestUrisTest {
  private static final String CLIENT = "com.acme.Client";
  private static final String URI_SINK = "java.net.http.HttpRequest$Builder#uri";
  private static final String NEW_BUILDER = "java.net.http.HttpRequest#newBuilder";

  static final String SOURCE = """
      package com.acme;
      import java.net.URI;
      import java.net.http.HttpRequest;
      public class Client {
        HttpRequest query(User u) {
          return HttpRequest.newBuilder()
              .uri(URI.create("https://crm.example/api?email=" + u.getEmail())) // sink:uri
              .build();
        }
        HttpRequest path(User u) {
          return HttpRequest.newBuilder(URI.create("https://crm.example/users/" + u.getEmail())).build(); // sink:new-builder
        }
        HttpRequest viaLocal(User u) {
          URI target = URI.create("https://crm.example/users/" + u.getEmail());
          return HttpRequest.newBuilder(target).build(); // sink:local
        }
        HttpRequest plain(String id) {
          return HttpRequest.newBuilder(URI.create("https://crm.example/users/" + id)).build();
        }
      }
      """;

  private static final JavaFileObject FILE = FlowCompilation.source(CLIENT, SOURCE);
  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(), FILE);
  }

  private static Activity activity(String method) {
    return compiled.activity(CLIENT, CLIENT + "#" + method);
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void aUriBuiltFromPersonalDataIsSentByTheRequestBuilder() {
    assertThat(activity("query(com.acme.User)").sinks()).containsExactly(
        sinkAt(SOURCE, "sink:uri", SinkKind.HTTP, URI_SINK, Confidence.DIRECT, EMAIL));
    assertThat(compiled.merged().flows()).contains(
        new Flow(EMAIL, SinkKind.HTTP, URI_SINK, List.of(CLIENT + "#query(com.acme.User)")));
  }

  @Test
  void newBuilderWithAUriSendsIt() {
    assertThat(activity("path(com.acme.User)").sinks()).containsExactly(
        sinkAt(SOURCE, "sink:new-builder", SinkKind.HTTP, NEW_BUILDER, Confidence.DIRECT, EMAIL));
    assertThat(activity("viaLocal(com.acme.User)").sinks()).containsExactly(
        sinkAt(SOURCE, "sink:local", SinkKind.HTTP, NEW_BUILDER, Confidence.VIA_LOCAL, EMAIL));
    assertThat(compiled.merged().flows()).contains(
        new Flow(EMAIL, SinkKind.HTTP, NEW_BUILDER, List.of(CLIENT + "#path(com.acme.User)")));
  }

  @Test
  void aUriWithoutPersonalDataIsNoSink() {
    assertThat(compiled.fragment(CLIENT).activities().stream().map(Activity::method))
        .doesNotContain("plain(java.lang.String)");
  }
}

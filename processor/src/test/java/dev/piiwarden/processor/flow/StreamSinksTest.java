package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is written to the output stream of an HTTP connection or exchange goes over HTTP, not to a
 * file: directly, through a local, an assignment or a wrapping writer. What is printed to a {@code
 * PrintStream} around a file goes to the file.
 */
class StreamSinksTest {
  private static final String CLIENT = "com.acme.Client";
  private static final String CONNECTION = "java.net.URLConnection#getOutputStream";
  private static final String FILE_STREAM = "java.io.FileOutputStream#<init>";

  static final String SOURCE = """
      package com.acme;
      import java.io.*;
      import java.net.*;
      public class Client {
        void post(HttpURLConnection connection, User user) throws IOException {
          try (OutputStream out = connection.getOutputStream()) {
            out.write(user.getEmail().getBytes()); // sink:post
          }
        }
        void wrapped(URLConnection connection, User user) throws IOException {
          Writer writer = new BufferedWriter(new OutputStreamWriter(connection.getOutputStream()));
          writer.write(user.getEmail()); // sink:wrapped
        }
        void assigned(HttpURLConnection connection, User user) throws IOException {
          OutputStream out;
          out = connection.getOutputStream();
          out.write(user.getEmail().getBytes()); // sink:assigned
        }
        void direct(HttpURLConnection connection, User user) throws IOException {
          connection.getOutputStream().write(user.getEmail().getBytes()); // sink:direct
        }
        void printed(com.sun.net.httpserver.HttpExchange exchange, User user) {
          PrintStream out = new PrintStream(exchange.getResponseBody());
          out.println(user.getPhone()); // sink:printed
        }
        void file(User user) throws IOException {
          try (OutputStream out = new FileOutputStream("users.txt")) {
            out.write(user.getEmail().getBytes()); // sink:file
          }
        }
        void printedToFile(User user) throws IOException {
          try (PrintStream out = new PrintStream(new FileOutputStream("users.txt"))) {
            out.println(user.getEmail()); // sink:printed-file
          }
        }
        void printedDirectly(User user) throws IOException {
          new PrintStream(new BufferedOutputStream(new FileOutputStream("users.txt"))).printf("%s", user.getPhone()); // sink:printed-direct
        }
        void printedToPath(User user, java.nio.file.Path path) throws IOException {
          PrintStream out = new PrintStream(java.nio.file.Files.newOutputStream(path));
          out.print(user.getEmail()); // sink:printed-path
        }
        void writerOnFile(User user) throws IOException {
          try (PrintWriter out = new PrintWriter(new FileOutputStream("users.txt"))) {
            out.println(user.getEmail()); // sink:writer-file
          }
        }
        String printedToMemory(User user) {
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          PrintStream out = new PrintStream(bytes);
          out.println(user.getEmail());
          return bytes.toString();
        }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source(CLIENT, SOURCE));
  }

  private static List<?> sinks(String method) {
    return compiled.activity(CLIENT, CLIENT + "#" + method).sinks();
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void writesToAConnectionsStreamAreHttpSinks() {
    assertThat(sinks("post(java.net.HttpURLConnection,com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:post", SinkKind.HTTP, CONNECTION, Confidence.DIRECT, EMAIL));
    assertThat(sinks("wrapped(java.net.URLConnection,com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:wrapped", SinkKind.HTTP, CONNECTION, Confidence.DIRECT, EMAIL));
    assertThat(sinks("assigned(java.net.HttpURLConnection,com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:assigned", SinkKind.HTTP, CONNECTION, Confidence.DIRECT, EMAIL));
    assertThat(sinks("direct(java.net.HttpURLConnection,com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:direct", SinkKind.HTTP, CONNECTION, Confidence.DIRECT, EMAIL));
  }

  @Test
  void aPrintStreamAroundAnExchangesResponseBodyIsAnHttpSink() {
    assertThat(sinks("printed(com.sun.net.httpserver.HttpExchange,com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:printed", SinkKind.HTTP, "com.sun.net.httpserver.HttpExchange#getResponseBody",
            Confidence.DIRECT, PHONE));
  }

  @Test
  void aFileStreamStaysAFileSink() {
    assertThat(sinks("file(com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:file", SinkKind.FILE, "java.io.OutputStream#write", Confidence.DIRECT, EMAIL));
  }

  @Test
  void aPrintStreamAroundAFileIsAFileSink() {
    assertThat(sinks("printedToFile(com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:printed-file", SinkKind.FILE, FILE_STREAM, Confidence.DIRECT, EMAIL));
    assertThat(sinks("printedDirectly(com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:printed-direct", SinkKind.FILE, FILE_STREAM, Confidence.DIRECT, PHONE));
    assertThat(sinks("printedToPath(com.acme.User,java.nio.file.Path)")).containsExactly(
        sinkAt(SOURCE, "sink:printed-path", SinkKind.FILE, "java.nio.file.Files#newOutputStream",
            Confidence.DIRECT, EMAIL));
    assertThat(compiled.merged().flows()).contains(
        new Flow(EMAIL, SinkKind.FILE, FILE_STREAM, List.of(CLIENT + "#printedToFile(com.acme.User)")));
  }

  @Test
  void aWriterOnAFileKeepsItsOwnTargetAndAPrintStreamInMemoryIsNoSink() {
    assertThat(sinks("writerOnFile(com.acme.User)")).containsExactly(
        sinkAt(SOURCE, "sink:writer-file", SinkKind.FILE, "java.io.PrintWriter#println", Confidence.DIRECT, EMAIL));
    assertThat(sinks("printedToMemory(com.acme.User)")).isEmpty();
  }

  @Test
  void aStreamEntryMustSayTrueOrFalse(@TempDir Path dir) throws Exception {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), """
        {"sinks": [{"kind": "HTTP", "type": "com.acme.Channel", "methods": ["open"], "stream": "yes"}]}
        """);
    FlowCompilation failed = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user());
    assertThat(failed.compilation).hadErrorContaining("sinks[0]: \"stream\" must be true or false");
  }

  @Test
  void anExtraStreamEntryMakesWritesToWhatItOpensSinks(@TempDir Path dir) throws Exception {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), """
        {"sinks": [{"kind": "MESSAGING", "type": "com.acme.Channel", "methods": ["open"], "stream": true}]}
        """);
    String source = """
        package com.acme;
        public class Channel {
          public java.io.Writer open() { return null; }
          void send(User user) throws java.io.IOException {
            open().write(user.getEmail()); // sink:channel
          }
        }
        """;
    FlowCompilation withChannel = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), FlowCompilation.source("com.acme.Channel", source));
    assertThat(withChannel.compilation).succeeded();
    assertThat(withChannel.activity("com.acme.Channel", "com.acme.Channel#send(com.acme.User)").sinks())
        .containsExactly(sinkAt(source, "sink:channel", SinkKind.MESSAGING, "com.acme.Channel#open",
            Confidence.DIRECT, EMAIL));
  }
}

package dev.piiwarden.samples.accounts;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service's jar started as a child JVM in its own working folder (so {@code logs/app.log},
 * the H2 file, the consent ledger and the audit trail land there), on a free port, with or without
 * the agent; and an HTTP client for it.
 */
final class RunningService implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path workDir;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningService(Process process, Path workDir, int port) {
    this.process = process;
    this.workDir = workDir;
    this.port = port;
  }

  /** Under the agent (from the reactor's agent module), its consent ledger a file in the work folder. */
  static RunningService withAgent(String name) throws Exception {
    return withAgent(name, Map.of());
  }

  /**
   * Under the agent, with these environment variables added to the service's (its {@code
   * ACCOUNTS_*} settings, such as {@code ACCOUNTS_DB}).
   */
  static RunningService withAgent(String name, Map<String, String> environment) throws Exception {
    Path agent = Path.of(System.getProperty("piiwarden.agent.jar"));
    if (!Files.isRegularFile(agent)) {
      fail("the agent jar is missing: build the agent module first (" + agent.getFileName() + ")");
    }
    return start(
        name,
        List.of("-javaagent:" + agent.toAbsolutePath() + "=consent.store=file:consent.jsonl"),
        System.getProperty("accounts.jar"),
        environment);
  }

  /** Without the agent: piiwarden-core (from the test class path) is the consent ledger. */
  static RunningService withoutAgent(String name) throws Exception {
    String testClasspath = Files.readString(Path.of(System.getProperty("accounts.test-classpath"))).strip();
    return start(
        name,
        List.of("-Dpiiwarden.consent.store=file:consent.jsonl"),
        System.getProperty("accounts.jar") + File.pathSeparator + testClasspath,
        Map.of());
  }

  private static RunningService start(
      String name, List<String> jvmOptions, String classpath, Map<String, String> environment) throws Exception {
    Path workDir = Path.of(System.getProperty("accounts.work", "target/it"), name).toAbsolutePath();
    deleteTree(workDir);
    Files.createDirectories(workDir);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString()));
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp", classpath,
            UserAccountsApp.class.getName(),
            "--port", "0",
            "--port-file", "port",
            "--pbkdf2-iterations", "10000"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("console.txt").toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    Path portFile = workDir.resolve("port");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isRegularFile(portFile) || Files.size(portFile) == 0) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        fail("the service did not start:\n" + Files.readString(workDir.resolve("console.txt")));
      }
      Thread.sleep(100);
    }
    return new RunningService(process, workDir, Integer.parseInt(Files.readString(portFile).strip()));
  }

  Path workDir() {
    return workDir;
  }

  /** A response: its status and JSON body (null when empty). */
  record Reply(int status, JsonNode body) {}

  Reply call(String method, String path, String jsonBody) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", "203.0.113.77")
            .header("Content-Type", "application/json")
            .method(
                method,
                jsonBody == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body();
    return new Reply(response.statusCode(), body == null || body.isEmpty() ? null : JSON.readTree(body));
  }

  /** Stops the JVM the way an orchestrator does (SIGTERM), so shutdown hooks flush the trail. */
  void stop() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

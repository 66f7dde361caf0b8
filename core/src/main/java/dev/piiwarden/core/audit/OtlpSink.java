package dev.piiwarden.core.audit;

import dev.piiwarden.core.text.UrlCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code otlp:<http endpoint>} sink: records as OpenTelemetry log records, POSTed as OTLP/HTTP
 * JSON ({@link OtlpLogsJson}) to {@code <endpoint>/v1/logs}: {@code /v1/logs} goes at the end of the
 * endpoint's path (unless it ends so already), and a query string stays after it. A {@code
 * user:password@} in the endpoint is sent as HTTP Basic authentication, not in the URL. Messages
 * name the endpoint without user information and query, where credentials and tokens go.
 *
 * <p>A request that fails (no connection, a timeout, a status other than 2xx) is tried three
 * times, 100, 200 and 400 ms apart. If it still fails the batch goes to a local spool file
 * (default {@value #DEFAULT_SPOOL_NAME} beside the key file) and the problem is reported once.
 * While the spool holds records every new batch is appended to it, so the collector receives the
 * records in order; with each write, at most once a second, the spool is replayed in chunks, each
 * chunk cut from the spool once the collector took it. A spool left by an earlier run is replayed
 * the same way. Delivery is at least once: a chunk the collector took but did not acknowledge
 * is sent again. Only a spool that cannot be written fails the write.
 */
public final class OtlpSink implements AuditSink {
  /** The spool file's default name. */
  public static final String DEFAULT_SPOOL_NAME = "piiwarden-audit-spool.jsonl";

  private static final String LOGS_PATH = "/v1/logs";
  private static final int ATTEMPTS = 3;
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final int REPLAY_CHUNK = 512;
  private static final long REPLAY_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private final URI logs;
  /** The logs URL for messages: without user information and query. */
  private final String shown;
  /** The {@code Authorization} header for the endpoint's user information; null without one. */
  private final String authorization;
  private final SpoolFile spool;
  private final Consumer<String> problems;
  private final HttpClient client;
  private boolean down;
  /** Why the last send failed: the collector could not be reached, or what it answered. */
  private String lastFailure = "";
  private long lastReplayNanos = System.nanoTime() - REPLAY_EVERY_NANOS;

  /** A sink for the collector at {@code endpoint}, spooling to {@code spoolFile}. */
  public OtlpSink(URI endpoint, java.nio.file.Path spoolFile, Consumer<String> problems) {
    this.logs = logsUrl(endpoint);
    this.shown = UrlCredentials.withoutCredentials(logs.toString());
    this.authorization = endpoint.getRawUserInfo() == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString(endpoint.getUserInfo().getBytes(StandardCharsets.UTF_8));
    this.spool = new SpoolFile(spoolFile);
    this.problems = problems;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /**
   * Where the records are POSTed: the collector's base URL with {@code /v1/logs} put at the end of
   * its path, or its logs URL as OpenTelemetry's exporters take it (both work); the query kept,
   * user information and fragment left out.
   */
  static URI logsUrl(URI endpoint) {
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
    if (!path.endsWith(LOGS_PATH)) {
      path += LOGS_PATH;
    }
    String authority = endpoint.getRawAuthority();
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    return URI.create(endpoint.getScheme() + "://" + authority + path
        + (endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery()));
  }

  @Override
  public Start open() {
    return Start.NEW;
  }

  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    List<RecordLine> records = new ArrayList<>(batch.size());
    for (SealedRecord record : batch) {
      records.add(RecordLine.parse(record.line()));
    }
    if (!spool.isEmpty()) {
      replayIfDue();
    }
    if (!spool.isEmpty()) {
      spool(records);
      return;
    }
    if (!send(records)) {
      spool(records);
      goneDown();
    }
  }

  @Override
  public void sync() {
    // Delivered records are the collector's; spooled ones were forced when spooled.
  }

  /** Tries once more to deliver the spool; what is left stays for the next run, which is said. */
  @Override
  public void close() throws IOException {
    if (!spool.isEmpty()) {
      lastReplayNanos = System.nanoTime() - REPLAY_EVERY_NANOS;
      replayIfDue();
    }
    if (!spool.isEmpty()) {
      problems.accept(spool.leftAtExit(describe()));
    }
  }

  @Override
  public String describe() {
    return "otlp:" + shown;
  }

  private void replayIfDue() throws IOException {
    if (System.nanoTime() - lastReplayNanos < REPLAY_EVERY_NANOS) {
      return;
    }
    lastReplayNanos = System.nanoTime();
    int[] sentOfSpooled = spool.locked(() -> {
      List<RecordLine> spooled = spool.read();
      int sent = 0;
      while (sent < spooled.size()) {
        List<RecordLine> chunk = spooled.subList(sent, Math.min(spooled.size(), sent + REPLAY_CHUNK));
        if (!send(chunk)) {
          break;
        }
        sent += chunk.size();
      }
      if (sent > 0) {
        spool.replaceWith(new ArrayList<>(spooled.subList(sent, spooled.size())));
      }
      return new int[] {sent, spooled.size()};
    });
    int sent = sentOfSpooled[0];
    if (sent == sentOfSpooled[1] && down) {
      down = false;
      problems.accept("OTLP collector " + shown + " is reachable again; " + sent
          + " spooled audit records were delivered");
    }
  }

  private boolean send(List<RecordLine> records) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(logs)
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(OtlpLogsJson.request(records),
            StandardCharsets.UTF_8));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    long backoff = FIRST_BACKOFF_MILLIS;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 == 2) {
          return true;
        }
        lastFailure = "answered HTTP " + response.statusCode() + " to the audit records";
      } catch (IOException e) {
        // Not reachable this time: the next attempt or the spool takes over; said by goneDown.
        lastFailure = "could not be reached (" + e.getClass().getName() + ")";
        if (attempt == ATTEMPTS) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while sending to " + shown, e);
      }
      if (attempt < ATTEMPTS) {
        sleep(backoff);
        backoff *= 2;
      }
    }
    return false;
  }

  private void goneDown() {
    if (!down) {
      down = true;
      problems.accept("OTLP collector " + shown + " " + lastFailure + "; audit records are kept in"
          + " spool file " + spool.path() + " and replayed when it takes them");
    }
  }

  private void spool(List<RecordLine> records) throws IOException {
    List<String> lines = records.stream().map(RecordLine::line).toList();
    spool.locked(() -> {
      spool.append(lines);
      return null;
    });
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting to retry", e);
    }
  }
}

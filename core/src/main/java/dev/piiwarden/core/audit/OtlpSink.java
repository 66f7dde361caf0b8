package dev.piiwarden.core.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code otlp:<http endpoint>} sink: records as OpenTelemetry log records, POSTed as OTLP/HTTP
 * JSON ({@link OtlpLogsJson}) to {@code <endpoint>/v1/logs}.
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
  private final SpoolFile spool;
  private final Consumer<String> problems;
  private final HttpClient client;
  private boolean down;
  /** Why the last send failed: the collector could not be reached, or what it answered. */
  private String lastFailure = "";
  private long lastReplayNanos = System.nanoTime() - REPLAY_EVERY_NANOS;

  /** A sink for the collector at {@code endpoint}, spooling to {@code spoolFile}. */
  public OtlpSink(URI endpoint, java.nio.file.Path spoolFile, Consumer<String> problems) {
    String base = endpoint.toString().replaceAll("/+$", "");
    // the collector's base URL, or its logs URL as OpenTelemetry's exporters take it: both work
    this.logs = URI.create(base.endsWith(LOGS_PATH) ? base : base + LOGS_PATH);
    this.spool = new SpoolFile(spoolFile);
    this.problems = problems;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
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
      spool.append(lines(records));
      return;
    }
    if (!send(records)) {
      spool.append(lines(records));
      goneDown();
    }
  }

  @Override
  public void sync() {
    // Delivered records are the collector's; spooled ones were forced when spooled.
  }

  /** Tries once more to deliver the spool; what is left stays for the next run. */
  @Override
  public void close() throws IOException {
    if (!spool.isEmpty()) {
      lastReplayNanos = System.nanoTime() - REPLAY_EVERY_NANOS;
      replayIfDue();
    }
  }

  @Override
  public String describe() {
    return "otlp:" + logs;
  }

  private void replayIfDue() throws IOException {
    if (System.nanoTime() - lastReplayNanos < REPLAY_EVERY_NANOS) {
      return;
    }
    lastReplayNanos = System.nanoTime();
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
    if (sent == spooled.size() && down) {
      down = false;
      problems.accept("OTLP collector " + logs + " is reachable again; " + sent
          + " spooled audit records were delivered");
    }
  }

  private boolean send(List<RecordLine> records) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(logs)
        .timeout(Duration.ofSeconds(5))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(OtlpLogsJson.request(records),
            StandardCharsets.UTF_8))
        .build();
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
        throw new IOException("interrupted while sending to " + logs, e);
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
      problems.accept("OTLP collector " + logs + " " + lastFailure + "; audit records are kept in"
          + " spool file " + spool.path() + " and replayed when it takes them");
    }
  }

  private static List<String> lines(List<RecordLine> records) {
    return records.stream().map(RecordLine::line).toList();
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

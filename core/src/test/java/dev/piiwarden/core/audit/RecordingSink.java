package dev.piiwarden.core.audit;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A sink that keeps the lines, and can be told to fail (like a broken stream) or to be slow. */
final class RecordingSink implements AuditSink {
  final List<String> lines = new CopyOnWriteArrayList<>();
  final AtomicInteger writeCalls = new AtomicInteger();
  volatile boolean failing;
  volatile long millisPerBatch;

  @Override
  public Start open() {
    return Start.NEW;
  }

  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    writeCalls.incrementAndGet();
    if (failing) {
      throw new IOException("stream closed");
    }
    if (millisPerBatch > 0) {
      try {
        Thread.sleep(millisPerBatch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    batch.forEach(record -> lines.add(record.line()));
  }

  @Override
  public void sync() {}

  @Override
  public void close() {}

  @Override
  public String describe() {
    return "test:recording";
  }

  long count(String type) {
    return lines.stream().filter(line -> line.contains("\"type\":\"" + type + "\"")).count();
  }
}

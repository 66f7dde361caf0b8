package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of {@code System.out} or {@code System.err}, redacted a line at a time: bytes are held
 * until a line ends (or 64 KiB without a line end), decoded with the stream's charset, redacted,
 * and written; a line without personal data is written as the very bytes it came in. A flush
 * does not cut a line at once: the {@code PrintStream} around this flushes after every {@code
 * print}, so {@code print("password=")} then {@code println(secret)} would reach the scan as two
 * pieces. A part line is written {@value #HOLD_MILLIS} ms after the flush that asked for it, when
 * no more of its line came meanwhile (a prompt still shows), and at exit. Output written from
 * inside a logging hook (a console appender) is already redacted and passes through.
 */
final class RedactingLineStream extends OutputStream {
  private static final int MAX_PENDING = 64 * 1024;
  /** How long a flushed part line waits for the rest of its line. */
  static final long HOLD_MILLIS = 200;

  private final OutputStream target;
  private final Charset charset;
  private final LogText text;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
  /** When the part line held must be written ({@code System.nanoTime()}); 0 when none waits. */
  private long due;
  private Thread writer;

  RedactingLineStream(OutputStream target, Charset charset, LogText text) {
    this.target = target;
    this.charset = charset;
    this.text = text;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (pending.size() == 0 && RedactionCallDepth.current().inside()) {
      target.write(b);
      return;
    }
    pending.write(b);
    if (b == '\n' || pending.size() >= MAX_PENDING) {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    if (pending.size() == 0 && RedactionCallDepth.current().inside()) {
      target.write(bytes, offset, length);
      return;
    }
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i + 1 - start);
        emit();
        start = i + 1;
      } else if (pending.size() + (i + 1 - start) >= MAX_PENDING) {
        pending.write(bytes, start, i + 1 - start);
        emit();
        start = i + 1;
      }
    }
    pending.write(bytes, start, end - start);
  }

  /** Writes what is whole; a part line goes out {@value #HOLD_MILLIS} ms later unless its line ends first. */
  @Override
  public synchronized void flush() throws IOException {
    if (pending.size() > 0) {
      if (due == 0) {
        due = Math.max(1, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS));
        startWriter();
        notifyAll();
      }
      return;
    }
    target.flush();
  }

  /** Writes everything held, part line included (at exit). */
  synchronized void drain() throws IOException {
    emit();
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    drain();
    target.close();
  }

  private void emit() throws IOException {
    due = 0;
    if (pending.size() == 0) {
      return;
    }
    byte[] bytes = pending.toByteArray();
    pending.reset();
    String line = new String(bytes, charset);
    String redacted = text.text(line);
    if (redacted == line) {
      target.write(bytes);
    } else {
      target.write(redacted.getBytes(charset));
    }
  }

  /** The daemon thread that writes a held part line when it is due, and a hook that writes it at exit. */
  private void startWriter() {
    if (writer != null) {
      return;
    }
    writer = new Thread(new HeldLineWriter(), "piiwarden-stdout-lines");
    writer.setDaemon(true);
    writer.start();
    Runtime.getRuntime().addShutdownHook(new Thread(new Drain(), "piiwarden-stdout-drain"));
  }

  /** Writes a held part line once it is due. */
  private final class HeldLineWriter implements Runnable {
    @Override
    public void run() {
      synchronized (RedactingLineStream.this) {
        while (true) {
          try {
            long left = due == 0 ? 0 : due - System.nanoTime();
            if (due == 0) {
              RedactingLineStream.this.wait();
            } else if (left > 0) {
              TimeUnit.NANOSECONDS.timedWait(RedactingLineStream.this, left);
            } else {
              drain();
            }
          } catch (InterruptedException e) {
            return;
          } catch (IOException | RuntimeException e) {
            due = 0; // the target failed: as a write from the application would have
            AgentReport.once("stdout-held-line", "could not write a held line of standard output ("
                + AgentReport.describe(e) + ")");
          }
        }
      }
    }
  }

  /** At exit: the part line still held. */
  private final class Drain implements Runnable {
    @Override
    public void run() {
      try {
        drain();
      } catch (IOException | RuntimeException e) {
        AgentReport.once("stdout-drain", "could not write the last line of standard output ("
            + AgentReport.describe(e) + ")");
      }
    }
  }
}

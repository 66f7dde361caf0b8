package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * The bytes of {@code System.out} or {@code System.err}, redacted a line at a time: bytes are held
 * until a line ends (or a flush, or 64 KiB without a line end), decoded with the stream's charset,
 * redacted, and written; a line without personal data is written as the very bytes it came in.
 * Output written from inside a logging hook (a console appender) is already redacted and passes
 * through.
 */
final class RedactingLineStream extends OutputStream {
  private static final int MAX_PENDING = 64 * 1024;

  private final OutputStream target;
  private final Charset charset;
  private final LogText text;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

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

  @Override
  public synchronized void flush() throws IOException {
    emit();
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flush();
    target.close();
  }

  private void emit() throws IOException {
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
}

package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.redaction.bridge.RedactedThrowable;
import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.agent.report.AgentReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogRecord;

/**
 * The agent's side of {@link RedactionBridge}: one rewrite per framework, one {@link LogText}.
 * Each rewrite is built on its framework's first event: their classes set up method handles for
 * the event reads, which an application on one framework need not pay for the others at start.
 * Log4j2's throwable proxy names likewise. The fields are read without a lock; each object held
 * there has only final fields, so a thread that sees one sees it whole.
 */
final class RedactionHooks implements RedactionBridge.Hooks {
  private final LogText text;
  private LogbackEventRewrite logback;
  private Log4jEventRewrite log4j;
  private JulRecordRewrite jul;
  private Log4jApiMessages log4jApi;
  private ThrowableProxyNames proxyNames;

  RedactionHooks(LogText text) {
    this.text = text;
  }

  @Override
  public String logbackEvent(Object event, String handled, RedactionCallDepth depth) {
    LogbackEventRewrite rewrite = logback;
    return (rewrite != null ? rewrite : logback()).redact(event, handled, depth);
  }

  @Override
  public Object log4jEvent(Object event, String handled, RedactionCallDepth depth) {
    Log4jEventRewrite rewrite = log4j;
    return (rewrite != null ? rewrite : log4j()).redact(event, handled, depth);
  }

  @Override
  public Object log4jApiMessage(Object message) throws Throwable {
    Log4jApiMessages rewrite = log4jApi;
    return (rewrite != null ? rewrite : log4jApi()).redact(message);
  }

  private synchronized Log4jApiMessages log4jApi() {
    if (log4jApi == null) {
      log4jApi = new Log4jApiMessages(text);
    }
    return log4jApi;
  }

  @Override
  public Object[] slf4jArguments(Object[] arguments) {
    return text.arguments(arguments);
  }

  @Override
  public Object slf4jArgument(Object argument) {
    return text.argument(argument);
  }

  @Override
  public Object slf4jKeyValue(Object value) {
    return LogText.isScalar(value) ? value : text.argument(value);
  }

  @Override
  public String accessLogLine(String line) {
    return text.text(line);
  }

  @Override
  public byte[] accessEventBytes(Object event, byte[] bytes) {
    return AccessLogRedaction.isAccessEvent(event.getClass()) ? redacted(bytes) : bytes;
  }

  /** UTF-8 text (what logstash-logback-encoder writes) redacted; {@code bytes} when clean. */
  private byte[] redacted(byte[] bytes) {
    String line = new String(bytes, StandardCharsets.UTF_8);
    String redacted = text.text(line);
    return redacted == line ? bytes : redacted.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String accessEventLine(Object event, String line) {
    return AccessLogRedaction.isAccessEvent(event.getClass()) ? text.text(line) : line;
  }

  @Override
  public OutputStream accessEventStream(Object event, OutputStream out) {
    return AccessLogRedaction.isAccessEvent(event.getClass()) ? new HeldEvent(out) : out;
  }

  @Override
  public void accessEventStreamDone(OutputStream out) throws IOException {
    if (out instanceof HeldEvent) {
      HeldEvent held = (HeldEvent) out;
      held.target.write(redacted(held.toByteArray()));
    }
  }

  /** What an encoder streamed for one access event, held until the encoder is done. */
  private static final class HeldEvent extends ByteArrayOutputStream {
    final OutputStream target;

    HeldEvent(OutputStream target) {
      super(512);
      this.target = target;
    }
  }

  @Override
  public String julRecord(LogRecord record, String handled) {
    JulRecordRewrite rewrite = jul;
    return (rewrite != null ? rewrite : jul()).redact(record, handled);
  }

  private synchronized LogbackEventRewrite logback() {
    if (logback == null) {
      logback = new LogbackEventRewrite(text);
    }
    return logback;
  }

  private synchronized Log4jEventRewrite log4j() {
    if (log4j == null) {
      log4j = new Log4jEventRewrite(text);
    }
    return log4j;
  }

  private synchronized ThrowableProxyNames proxyNames() {
    if (proxyNames == null) {
      proxyNames = new ThrowableProxyNames();
    }
    return proxyNames;
  }

  private synchronized JulRecordRewrite jul() {
    if (jul == null) {
      jul = new JulRecordRewrite(text);
    }
    return jul;
  }

  @Override
  public void throwableProxyBuilt(Object proxy, RedactedThrowable thrown) {
    try {
      ThrowableProxyNames names = proxyNames;
      (names != null ? names : proxyNames()).fix(proxy);
    } catch (ReflectiveOperationException | RuntimeException e) {
      failed("throwable-proxy", e);
    }
  }

  @Override
  public void failed(String where, Throwable failure) {
    AgentReport.once(
        "redaction-hook-" + where,
        "log redaction failed in the " + where + " hook (" + AgentReport.describe(failure)
            + "); the event was logged, further failures are counted");
  }
}

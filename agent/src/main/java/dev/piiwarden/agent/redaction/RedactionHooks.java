package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.redaction.bridge.RedactedThrowable;
import dev.piiwarden.agent.redaction.bridge.RedactionBridge;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.agent.report.AgentReport;
import java.util.logging.LogRecord;

/** The agent's side of {@link RedactionBridge}: one rewrite per framework, one {@link LogText}. */
final class RedactionHooks implements RedactionBridge.Hooks {
  private final LogbackEventRewrite logback;
  private final Log4jEventRewrite log4j;
  private final JulRecordRewrite jul;
  private final ThrowableProxyNames proxyNames = new ThrowableProxyNames();

  RedactionHooks(LogText text) {
    this.logback = new LogbackEventRewrite(text);
    this.log4j = new Log4jEventRewrite(text);
    this.jul = new JulRecordRewrite(text);
  }

  @Override
  public String logbackEvent(Object event, String handled) {
    return logback.redact(event, handled);
  }

  @Override
  public Object log4jEvent(Object event, String handled, RedactionCallDepth depth) {
    return log4j.redact(event, handled, depth);
  }

  @Override
  public String julRecord(LogRecord record, String handled) {
    return jul.redact(record, handled);
  }

  @Override
  public void throwableProxyBuilt(Object proxy, RedactedThrowable thrown) {
    try {
      proxyNames.fix(proxy);
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

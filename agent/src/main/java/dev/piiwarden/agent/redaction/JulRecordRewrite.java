package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.Redactor;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.logging.LogRecord;

/**
 * Redacts a {@code java.util.logging.LogRecord} in place, before the logger's filter and handlers
 * see it. A record with parameters is formatted here as {@code java.util.logging.Formatter
 * #formatMessage} would (localised, then {@code MessageFormat} when a <code>{</code> is followed by
 * a digit), with each parameter redacted first; the record then carries the redacted text and no
 * parameters or resource bundle, so every handler and formatter (SLF4JBridgeHandler included)
 * prints that text. The thrown exception is replaced by a stand-in when a text in its chain
 * (message, localized message, {@code toString}) held personal data or could not be read.
 */
final class JulRecordRewrite {
  private final LogText text;
  private final JbossRecordRewrite jboss;

  JulRecordRewrite(LogText text) {
    this.text = text;
    this.jboss = new JbossRecordRewrite(text);
  }

  /** Redacts {@code record} (a JBoss LogManager {@code ExtLogRecord} its own way); returns its redacted message. */
  String redact(LogRecord record, String handled) {
    String out;
    try {
      out = JbossRecordRewrite.isOne(record) ? jboss.redact(record, handled) : message(record, handled);
    } catch (Throwable failure) {
      AgentReport.once(
          "jul-message",
          "could not redact a java.util.logging message (" + AgentReport.describe(failure)
              + "); such messages are written as " + Redactor.FAILED);
      text.failed();
      out = Redactor.FAILED;
      record.setMessage(out);
      record.setParameters(null);
    }
    Throwable thrown = null;
    try {
      thrown = record.getThrown();
      Throwable redacted = text.thrown(thrown);
      if (redacted != thrown) {
        record.setThrown(redacted);
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "jul-exception",
          "could not redact the exception of a java.util.logging record (" + AgentReport.describe(failure)
              + "); such exceptions are written as " + Redactor.FAILED);
      if (thrown != null) {
        record.setThrown(text.unredactable(thrown));
      }
    }
    return out;
  }

  private String message(LogRecord record, String handled) {
    String message = record.getMessage();
    Object[] parameters = record.getParameters();
    boolean hasParameters = parameters != null && parameters.length > 0;
    if (handled != null && !hasParameters && Objects.equals(message, handled)) {
      return handled;
    }
    if (!hasParameters) {
      String out = text.text(message);
      if (out != message) {
        record.setMessage(out);
      }
      return out;
    }
    String format = localised(record, message);
    Object[] redacted = text.arguments(parameters);
    return formatted(record, text.text(format(format, redacted, parameters)));
  }

  /** Gives {@code record} its formatted text {@code out} in place of its format and parameters. */
  private static String formatted(LogRecord record, String out) {
    record.setMessage(out);
    record.setParameters(null);
    record.setResourceBundle(null);
    record.setResourceBundleName(null);
    return out;
  }

  private static String localised(LogRecord record, String message) {
    ResourceBundle bundle = record.getResourceBundle();
    if (bundle == null || message == null) {
      return message;
    }
    try {
      return bundle.getString(message);
    } catch (MissingResourceException e) {
      return message;
    }
  }

  /**
   * As the JDK's {@code Formatter.formatMessage} (since JDK 9): the format as it is unless a
   * {@code {} is followed by a digit somewhere in it.
   */
  private static String format(String format, Object[] redacted, Object[] original) {
    if (format == null || !hasPlaceholder(format)) {
      return format;
    }
    try {
      return MessageFormat.format(format, redacted);
    } catch (IllegalArgumentException e) {
      // a {0,number} whose redacted argument became text: format the originals; the whole text is
      // redacted afterwards
      try {
        return MessageFormat.format(format, original);
      } catch (IllegalArgumentException again) {
        return format;
      }
    }
  }

  private static boolean hasPlaceholder(String format) {
    for (int at = format.indexOf('{'); at >= 0 && at + 1 < format.length(); at = format.indexOf('{', at + 1)) {
      if (format.charAt(at + 1) >= '0' && format.charAt(at + 1) <= '9') {
        return true;
      }
    }
    return false;
  }
}

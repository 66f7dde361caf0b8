package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.LogRecord;

/**
 * Redacts a JBoss LogManager {@code ExtLogRecord} in place, before its logger's filter and
 * handlers see it. Its message is formatted the record's own way ({@code PRINTF} for {@code
 * infof}, {@code MESSAGE_FORMAT}, or none) after each parameter is redacted, and the record then
 * carries the redacted text with {@code NO_FORMAT} and no parameters; its MDC copy's values ({@code
 * %X}) and its NDC ({@code %x}) are redacted too, the exception as for java.util.logging. Members
 * are found by reflection once per record class.
 */
final class JbossRecordRewrite {
  static final String EXT_LOG_RECORD = "org.jboss.logmanager.ExtLogRecord";

  private static final ClassValue<Members> MEMBERS =
      new ClassValue<>() {
        @Override
        protected Members computeValue(Class<?> type) {
          return new Members(type);
        }
      };

  private final LogText text;

  JbossRecordRewrite(LogText text) {
    this.text = text;
  }

  /** Whether {@code record} is an {@code ExtLogRecord} (or a subclass). */
  static boolean isOne(LogRecord record) {
    for (Class<?> c = record.getClass(); c != LogRecord.class && c != null; c = c.getSuperclass()) {
      if (c.getName().equals(EXT_LOG_RECORD)) {
        return true;
      }
    }
    return false;
  }

  /** Redacts {@code record}'s message, MDC and NDC; returns its redacted message. The exception is the caller's. */
  String redact(LogRecord record, String handled) throws ReflectiveOperationException {
    Members members = MEMBERS.get(record.getClass());
    if (members.problem != null) {
      throw members.problem;
    }
    String out = message(members, record, handled);
    try {
      @SuppressWarnings("unchecked")
      Map<String, String> mdc = (Map<String, String>) members.getMdcCopy.invoke(record);
      Map<String, String> redactedMdc = text.values(mdc);
      if (redactedMdc != mdc) {
        members.setMdc.invoke(record, redactedMdc);
      }
      String ndc = (String) members.getNdc.invoke(record);
      if (ndc != null && !ndc.isEmpty()) {
        String redactedNdc = text.text(ndc);
        if (redactedNdc != ndc) {
          members.setNdc.invoke(record, redactedNdc);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException failure) {
      // fail closed: a context that cannot be redacted is not written
      text.failed();
      AgentReport.once("jboss-context", "could not redact the MDC or NDC of a JBoss LogManager record ("
          + AgentReport.describe(failure) + "); they are left out of such records");
      members.setMdc.invoke(record, Map.of());
      members.setNdc.invoke(record, "");
    }
    return out;
  }

  private String message(Members members, LogRecord record, String handled) throws ReflectiveOperationException {
    Object[] parameters = record.getParameters();
    Object[] redacted = parameters == null || parameters.length == 0 ? parameters : text.arguments(parameters);
    if (redacted != parameters) {
      record.setParameters(redacted);
    }
    String formatted = (String) members.getFormattedMessage.invoke(record);
    if (handled != null && handled.equals(formatted)) {
      return handled; // bridged from an outer framework whose hook redacted it
    }
    String out = text.text(formatted);
    if (out != formatted || redacted != parameters) {
      // a record that held nothing is left as it was, its parameters included
      members.setMessage.invoke(record, out, members.noFormat);
      record.setParameters(null);
    }
    return out;
  }

  /** The members of one record class, found once. */
  private static final class Members {
    ReflectiveOperationException problem;
    Method getFormattedMessage;
    Method setMessage;
    Object noFormat;
    Method getMdcCopy;
    Method setMdc;
    Method getNdc;
    Method setNdc;

    Members(Class<?> type) {
      try {
        Class<?> style = ReflectiveAccess.sibling(type, EXT_LOG_RECORD + "$FormatStyle");
        getFormattedMessage = ReflectiveAccess.method(type, "getFormattedMessage");
        setMessage = ReflectiveAccess.method(type, "setMessage", String.class, style);
        noFormat = style.getField("NO_FORMAT").get(null);
        getMdcCopy = ReflectiveAccess.method(type, "getMdcCopy");
        setMdc = ReflectiveAccess.method(type, "setMdc", Map.class);
        getNdc = ReflectiveAccess.method(type, "getNdc");
        setNdc = ReflectiveAccess.method(type, "setNdc", String.class);
      } catch (ReflectiveOperationException e) {
        problem = e;
      } catch (RuntimeException e) {
        problem = new ReflectiveOperationException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    }
  }
}

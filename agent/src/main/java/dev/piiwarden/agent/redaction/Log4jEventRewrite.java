package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.Redactor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Redacts a Log4j2 {@code LogEvent} on its way to the appenders: a copy ({@code
 * Log4jLogEvent.Builder}) with the message as a {@code SimpleMessage} of the redacted text, the
 * context data's values redacted, and the exception replaced by a stand-in when a message in its
 * chain held personal data. The application's event, message and exception are never changed;
 * events without personal data pass as they are.
 */
final class Log4jEventRewrite {
  private static final String IMMUTABLE_EVENT = "org.apache.logging.log4j.core.impl.Log4jLogEvent";

  private final LogText text;
  private final ClassValue<Access> access =
      new ClassValue<>() {
        @Override
        protected Access computeValue(Class<?> type) {
          return new Access(type);
        }
      };
  /**
   * The last immutable event redacted on this thread and its copy: an additive logger hands the
   * same event to its parent's appenders, which then get the same copy without a second count.
   */
  private final ThreadLocal<Object[]> last = new ThreadLocal<>();

  Log4jEventRewrite(LogText text) {
    this.text = text;
  }

  /** The event to pass on; {@code handled[0]} in: the outer message, out: this one's. */
  Object redact(Object event, String[] handled) {
    Object[] previous = last.get();
    if (previous != null && previous[0] == event) {
      handled[0] = (String) previous[2];
      return previous[1];
    }
    Access members = access.get(event.getClass());
    if (members.problem != null) {
      AgentReport.once(
          "log4j-event-type",
          "cannot redact Log4j2 events of type " + event.getClass().getName() + " (" + members.problem
              + "); they reach the appenders unredacted");
      return event;
    }
    Object message = null;
    String out;
    try {
      Object original = members.getMessage.invoke(event);
      String formatted = (String) members.getFormattedMessage.invoke(original);
      if (handled[0] != null && handled[0].equals(formatted)) {
        out = formatted; // bridged from an outer framework whose hook redacted it
      } else {
        out = text.text(rendered(members, original, formatted));
        if (out != formatted) {
          message = members.simpleMessage.newInstance(out);
        }
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-message",
          "could not redact a Log4j2 message (" + AgentReport.describe(failure)
              + "); such messages are written as " + Redactor.FAILED);
      out = Redactor.FAILED;
      message = newMessage(members, out);
    }
    Object context = null;
    try {
      Object data = members.getContextData.invoke(event);
      if (data != null) {
        @SuppressWarnings("unchecked")
        Map<String, String> map = (Map<String, String>) members.toMap.invoke(data);
        Map<String, String> redacted = text.values(map);
        if (redacted != map) {
          context = members.sortedArrayStringMap.newInstance(redacted);
        }
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-context",
          "could not redact the context data of a Log4j2 event (" + AgentReport.describe(failure) + ")");
    }
    Throwable thrown = null;
    try {
      Throwable original = (Throwable) members.getThrown.invoke(event);
      Throwable redacted = text.thrown(original);
      if (redacted != original) {
        thrown = redacted;
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-exception",
          "could not redact the exception of a Log4j2 event (" + AgentReport.describe(failure) + ")");
    }
    handled[0] = out;
    Object result = event;
    if (message != null || context != null || thrown != null) {
      try {
        Object builder = members.builder.newInstance(event);
        if (message != null) {
          members.setMessage.invoke(builder, message);
        }
        if (context != null) {
          members.setContextData.invoke(builder, context);
        }
        if (thrown != null) {
          members.setThrown.invoke(builder, thrown);
          members.setThrownProxy.invoke(builder, new Object[] {null});
        }
        result = members.build.invoke(builder);
      } catch (Throwable failure) {
        AgentReport.once(
            "log4j-copy",
            "could not copy a Log4j2 event (" + AgentReport.describe(failure) + "); it reaches the appenders unredacted");
        return event;
      }
    }
    if (event.getClass().getName().equals(IMMUTABLE_EVENT)) {
      last.set(new Object[] {event, result, out});
    } else {
      last.remove();
    }
    return result;
  }

  /**
   * The message text with arguments redacted one by one, so that an annotated object is rendered
   * by its annotations rather than its {@code toString}.
   */
  private String rendered(Access members, Object message, String formatted) throws Exception {
    String type = message.getClass().getSimpleName();
    Object[] parameters = (Object[]) members.getParameters.invoke(message);
    if (parameters == null || parameters.length == 0) {
      return formatted;
    }
    if (type.endsWith("ObjectMessage") && parameters.length == 1) {
      Object rendered = text.argument(parameters[0]);
      return rendered instanceof String ? (String) rendered : formatted;
    }
    String format = (String) members.getFormat.invoke(message);
    if (format == null) {
      return formatted;
    }
    Object[] redacted = text.arguments(parameters);
    if (redacted == parameters) {
      return formatted;
    }
    // The events of AsyncLogger and AsyncLoggerConfig (RingBufferLogEvent, MutableLogEvent) are
    // their own message, holding the format and parameters of the one they replaced, whose type
    // is gone: use them when they give its text again, i.e. it was a {} message.
    if (!type.endsWith("ParameterizedMessage") && !formatted.equals(parameterized(members, format, parameters))) {
      return formatted;
    }
    return parameterized(members, format, redacted);
  }

  private static String parameterized(Access members, String format, Object[] parameters) throws Exception {
    Object copy = members.parameterizedMessage.newInstance(format, parameters);
    return (String) members.getFormattedMessage.invoke(copy);
  }

  private static Object newMessage(Access members, String textOfMessage) {
    try {
      return members.simpleMessage.newInstance(textOfMessage);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The members reached from one event class, found once. */
  private static final class Access {
    String problem;
    Method getMessage;
    Method getContextData;
    Method getThrown;
    Method getFormattedMessage;
    Method getParameters;
    Method getFormat;
    Method toMap;
    Constructor<?> simpleMessage;
    Constructor<?> parameterizedMessage;
    Constructor<?> sortedArrayStringMap;
    Constructor<?> builder;
    Method setMessage;
    Method setContextData;
    Method setThrown;
    Method setThrownProxy;
    Method build;

    Access(Class<?> type) {
      try {
        Class<?> logEvent = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.core.LogEvent");
        Class<?> messageType = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.Message");
        Class<?> readOnlyMap = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.ReadOnlyStringMap");
        Class<?> stringMap = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.StringMap");
        Class<?> builderType = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.core.impl.Log4jLogEvent$Builder");
        Class<?> proxyType = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.core.impl.ThrowableProxy");
        getMessage = ReflectiveAccess.method(logEvent, "getMessage");
        getContextData = ReflectiveAccess.method(logEvent, "getContextData");
        getThrown = ReflectiveAccess.method(logEvent, "getThrown");
        getFormattedMessage = ReflectiveAccess.method(messageType, "getFormattedMessage");
        getParameters = ReflectiveAccess.method(messageType, "getParameters");
        getFormat = ReflectiveAccess.method(messageType, "getFormat");
        toMap = ReflectiveAccess.method(readOnlyMap, "toMap");
        simpleMessage =
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.SimpleMessage").getConstructor(String.class);
        parameterizedMessage =
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.ParameterizedMessage")
                .getConstructor(String.class, Object[].class);
        sortedArrayStringMap =
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.SortedArrayStringMap").getConstructor(Map.class);
        builder = builderType.getConstructor(logEvent);
        setMessage = ReflectiveAccess.method(builderType, "setMessage", messageType);
        setContextData = ReflectiveAccess.method(builderType, "setContextData", stringMap);
        setThrown = ReflectiveAccess.method(builderType, "setThrown", Throwable.class);
        setThrownProxy = ReflectiveAccess.method(builderType, "setThrownProxy", proxyType);
        build = ReflectiveAccess.method(builderType, "build");
      } catch (ReflectiveOperationException | RuntimeException e) {
        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
  }
}

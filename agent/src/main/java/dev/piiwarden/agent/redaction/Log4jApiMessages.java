package dev.piiwarden.agent.redaction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/**
 * The Log4j2 API's messages on their way to SLF4J (log4j-to-slf4j, {@link
 * Log4jApiBridgeRedaction}): a message whose parameters hold personal data is replaced by one
 * formatted from the redacted parameters ({@link LogText#arguments}, so an annotated object is
 * rendered by its annotations): a {@code {}} message by a {@code ParameterizedMessage} of them, a
 * {@code MessageFormatMessage} or printf message by a {@code SimpleMessage} of the text the JDK's
 * formatter makes of them, an {@code ObjectArrayMessage} by a {@code SimpleMessage} of its redacted
 * parameters as it writes them, as {@link Log4jEventRewrite} does for log4j-core's events. Any other
 * message, or one without parameters, goes on as it is; the backend's own hook redacts the text.
 */
final class Log4jApiMessages {
  private static final MethodType TWO = MethodType.methodType(Object.class, Object.class, Object.class);

  private static final ClassValue<Access> ACCESS =
      new ClassValue<>() {
        @Override
        protected Access computeValue(Class<?> type) {
          return new Access(type);
        }
      };

  private final LogText text;

  Log4jApiMessages(LogText text) {
    this.text = text;
  }

  /** The message to format instead of {@code message}, or {@code message} itself. */
  Object redact(Object message) throws Throwable {
    Access members = ACCESS.get(message.getClass());
    if (members.problem != null) {
      throw members.problem;
    }
    Object[] parameters = (Object[]) (Object) members.getParameters.invokeExact(message);
    if (parameters == null || parameters.length == 0) {
      return message;
    }
    Object[] redacted = text.arguments(parameters);
    if (redacted == parameters) {
      return message;
    }
    String type = message.getClass().getSimpleName();
    String format = (String) (Object) members.getFormat.invokeExact(message);
    if (type.endsWith("ParameterizedMessage")) {
      return (Object) members.newParameterizedMessage.invokeExact((Object) format, (Object) redacted);
    }
    if (type.endsWith("ObjectMessage") && redacted.length == 1 && redacted[0] instanceof String) {
      return (Object) members.newSimpleMessage.invokeExact(redacted[0]);
    }
    if (Log4jEventRewrite.isObjectArrayMessage(message.getClass())) {
      return (Object) members.newSimpleMessage.invokeExact((Object) java.util.Arrays.toString(redacted));
    }
    if (Log4jEventRewrite.isJdkFormatted(type)) {
      String formatted = (String) (Object) members.getFormattedMessage.invokeExact(message);
      String out = Log4jEventRewrite.reformatted(type, format, formatted, parameters, redacted);
      if (out != null) {
        return (Object) members.newSimpleMessage.invokeExact((Object) out);
      }
    }
    return message;
  }

  /** The Log4j2 API members reached from one message class, found once. */
  private static final class Access {
    ReflectiveOperationException problem;
    MethodHandle getParameters;
    MethodHandle getFormat;
    MethodHandle getFormattedMessage;
    MethodHandle newParameterizedMessage;
    MethodHandle newSimpleMessage;

    Access(Class<?> type) {
      try {
        Class<?> message = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.Message");
        getParameters = ReflectiveAccess.handle(ReflectiveAccess.method(message, "getParameters"), BoundReads.READ);
        getFormat = ReflectiveAccess.handle(ReflectiveAccess.method(message, "getFormat"), BoundReads.READ);
        getFormattedMessage =
            ReflectiveAccess.handle(ReflectiveAccess.method(message, "getFormattedMessage"), BoundReads.READ);
        newParameterizedMessage = ReflectiveAccess.constructor(
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.ParameterizedMessage"),
            TWO, String.class, Object[].class);
        newSimpleMessage = ReflectiveAccess.constructor(
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.SimpleMessage"),
            BoundReads.READ, String.class);
      } catch (ReflectiveOperationException e) {
        problem = e;
      }
    }
  }
}

package dev.piiwarden.agent.redaction;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Embedded servers' access logs, which are written by the server, not through a logging framework:
 * each line is redacted as free text where the server hands it to its writer, before it is queued
 * or written.
 *
 * <ul>
 *   <li>Tomcat (Spring Boot's default server, {@code server.tomcat.accesslog.*}): {@code
 *       AccessLogValve#log(CharArrayWriter)}, the line of every request, which its subclasses
 *       ({@code ExtendedAccessLogValve}, {@code JsonAccessLogValve}) write too: {@code line =
 *       RedactionBridge.accessLogChars(line)}, which rewrites the writer's content in place.
 *   <li>Jetty 9.4.15 and later ({@code CustomRequestLog}, {@code NCSARequestLog}): {@code
 *       RequestLogWriter#write(String)}, where {@code AsyncRequestLogWriter}'s thread writes too.
 *   <li>Undertow: {@code DefaultAccessLogReceiver#logMessage(String)}, before its queue.
 * </ul>
 *
 * <p>Access logs written through a logging framework (Reactor Netty's, Jetty's {@code
 * Slf4jRequestLogWriter}, Undertow's {@code JBossLoggingAccessLogReceiver}, logback-access) are
 * that framework's events, not these. Off with {@code piiwarden.redaction.access-logs=false}.
 */
final class AccessLogRedaction extends LogHook {
  static final String TOMCAT = "org/apache/catalina/valves/AccessLogValve";
  static final String JETTY = "org/eclipse/jetty/server/RequestLogWriter";
  static final String UNDERTOW = "io/undertow/server/handlers/accesslog/DefaultAccessLogReceiver";

  private static final String STRING = "Ljava/lang/String;";
  private static final String CHARS = "Ljava/io/CharArrayWriter;";

  private final String method;
  private final String parameter;

  private AccessLogRedaction(String method, String parameter) {
    this.method = method;
    this.parameter = parameter;
  }

  /** The hook for one of the {@link #hooked} classes, else null. */
  static AccessLogRedaction forClass(String internalName) {
    switch (internalName) {
      case TOMCAT:
        return new AccessLogRedaction("log", CHARS);
      case JETTY:
        return new AccessLogRedaction("write", STRING);
      case UNDERTOW:
        return new AccessLogRedaction("logMessage", STRING);
      default:
        return null;
    }
  }

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals(method)
        || !descriptor.equals("(" + parameter + ")V")
        || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) != 0) {
      return next;
    }
    return parameter.equals(CHARS)
        ? replacingArgument(next, descriptor, CHARS, "accessLogChars", "(" + CHARS + ")" + CHARS, false)
        : replacingArgument(next, descriptor, STRING, "accessLogLine", "(" + STRING + ")" + STRING, false);
  }
}

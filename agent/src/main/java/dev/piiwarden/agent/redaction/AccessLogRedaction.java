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
 *   <li>Undertow: {@code DefaultAccessLogReceiver#logMessage(String)}, before its queue; and
 *       Quarkus's copy of it, which writes {@code quarkus.http.access-log.log-to-file}'s file.
 *   <li>logback-access (Dropwizard's request log, logback-access-spring-boot-starter): its {@code
 *       PatternLayout#doLayout}, 1.3–1.4 ({@code ch.qos.logback.access}) and 2.0 ({@code
 *       ch.qos.logback.access.common}), and so every layout built on it: {@code return
 *       RedactionBridge.accessLogLine(line)} at each return.
 *   <li>logstash-logback-encoder's JSON for logback-access ({@code LogstashAccessEncoder}, {@code
 *       LogstashAccessLayout} and the composite ones), whose providers read the request's fields
 *       themselves: what {@code CompositeJsonEncoder#encode(Event)} and {@code
 *       CompositeJsonLayout#doLayout(Event)} return, for an access event ({@link #isAccessEvent});
 *       the same classes encode logging events, which pass as they are. Its TCP appenders call
 *       the streaming {@code encode(Event, OutputStream)}: for an access event the stream is
 *       replaced by a buffer at entry, whose content is redacted and written to the stream at the
 *       return ({@code accessEventStream}, {@code accessEventStreamDone}).
 * </ul>
 *
 * <p>Access logs written through a logging framework's ordinary events (Reactor Netty's, Jetty's
 * {@code Slf4jRequestLogWriter}, Undertow's {@code JBossLoggingAccessLogReceiver}) are redacted
 * by that framework's hook, not these. Off with {@code piiwarden.redaction.access-logs=false}.
 */
final class AccessLogRedaction extends LogHook {
  static final String TOMCAT = "org/apache/catalina/valves/AccessLogValve";
  static final String JETTY = "org/eclipse/jetty/server/RequestLogWriter";
  static final String UNDERTOW = "io/undertow/server/handlers/accesslog/DefaultAccessLogReceiver";
  static final String QUARKUS = "io/quarkus/vertx/http/runtime/filters/accesslog/DefaultAccessLogReceiver";
  static final String LOGBACK_ACCESS = "ch/qos/logback/access/common/PatternLayout";
  static final String LOGBACK_ACCESS_1 = "ch/qos/logback/access/PatternLayout";
  static final String LOGSTASH_ENCODER = "net/logstash/logback/encoder/CompositeJsonEncoder";
  static final String LOGSTASH_LAYOUT = "net/logstash/logback/layout/CompositeJsonLayout";

  /** The event type's erasure in logstash-logback-encoder's generic encoder and layout. */
  private static final String EVENT = "(Lch/qos/logback/core/spi/DeferredProcessingAware;)";
  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String BYTES = "[B";
  private static final String STREAM = "Ljava/io/OutputStream;";
  /** The streaming {@code encode(Event, OutputStream)}, erased. */
  private static final String EVENT_STREAM =
      "(Lch/qos/logback/core/spi/DeferredProcessingAware;" + STREAM + ")V";

  /** Whether a class is a logback-access event: it implements {@code IAccessEvent} (2.0 or 1.x). */
  private static final ClassValue<Boolean> ACCESS_EVENT = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        for (Class<?> each : c.getInterfaces()) {
          String name = each.getName();
          if (name.equals("ch.qos.logback.access.common.spi.IAccessEvent")
              || name.equals("ch.qos.logback.access.spi.IAccessEvent")
              || ACCESS_EVENT.get(each)) {
            return true;
          }
        }
      }
      return false;
    }
  };

  private static final String STRING = "Ljava/lang/String;";
  private static final String CHARS = "Ljava/io/CharArrayWriter;";
  private static final String BRIDGE_LINE = "accessLogLine";
  private static final String BRIDGE_LINE_DESCRIPTOR = "(" + STRING + ")" + STRING;

  private final String method;
  /** The parameter type replaced by the redacted line, or null when the returned line is. */
  private final String parameter;
  /** For a JSON encoder's or layout: the type returned with the event (bytes or text), else null. */
  private final String withEvent;

  private AccessLogRedaction(String method, String parameter) {
    this(method, parameter, null);
  }

  private AccessLogRedaction(String method, String parameter, String withEvent) {
    this.method = method;
    this.parameter = parameter;
    this.withEvent = withEvent;
  }

  /** Whether {@code type} is a logback-access event, which the JSON encoders' hooks redact. */
  static boolean isAccessEvent(Class<?> type) {
    return ACCESS_EVENT.get(type);
  }

  /** The hook for one of the classes {@link RedactionCandidateTransformer#accessLogWriter} names, else null. */
  static AccessLogRedaction forClass(String internalName) {
    switch (internalName) {
      case TOMCAT:
        return new AccessLogRedaction("log", CHARS);
      case JETTY:
        return new AccessLogRedaction("write", STRING);
      case UNDERTOW:
      case QUARKUS:
        return new AccessLogRedaction("logMessage", STRING);
      case LOGBACK_ACCESS:
      case LOGBACK_ACCESS_1:
        return new AccessLogRedaction("doLayout", null);
      case LOGSTASH_ENCODER:
        return new AccessLogRedaction("encode", null, BYTES);
      case LOGSTASH_LAYOUT:
        return new AccessLogRedaction("doLayout", null, STRING);
      default:
        return null;
    }
  }

  @Override
  MethodVisitor method(
      String owner, boolean frames, int access, String name, String descriptor, MethodVisitor next) {
    if (!name.equals(method) || (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_BRIDGE)) != 0) {
      return next;
    }
    if (withEvent != null) {
      if (withEvent.equals(BYTES) && descriptor.equals(EVENT_STREAM)) {
        return new StreamedEvent(next); // the streaming encode(Event, OutputStream)
      }
      // the generic encode(Event) / doLayout(Event), erased
      return descriptor.equals(EVENT + withEvent)
          ? new ReturnedValue(next, withEvent.equals(BYTES) ? "accessEventBytes" : "accessEventLine",
              "(" + OBJECT + withEvent + ")" + withEvent, true)
          : next;
    }
    if (parameter == null) {
      // the layout's own doLayout(IAccessEvent); javac's bridge doLayout(Object) calls it
      return descriptor.endsWith(")" + STRING)
          ? new ReturnedValue(next, BRIDGE_LINE, BRIDGE_LINE_DESCRIPTOR, false)
          : next;
    }
    if (!descriptor.equals("(" + parameter + ")V")) {
      return next;
    }
    return parameter.equals(CHARS)
        ? replacingArgument(next, descriptor, CHARS, "accessLogChars", "(" + CHARS + ")" + CHARS, false)
        : replacingArgument(next, descriptor, STRING, BRIDGE_LINE, BRIDGE_LINE_DESCRIPTOR, false);
  }

  /**
   * {@code return RedactionBridge.<bridge>(result)}, or with the event (the method's first argument)
   * {@code return RedactionBridge.<bridge>(event, result)}, at each {@code ARETURN}: the result on
   * the stack is replaced by another of its type, so no frame or local changes and
   * retransformation is allowed.
   */
  private static final class ReturnedValue extends MethodVisitor {
    private final String bridge;
    private final String bridgeDescriptor;
    private final boolean withEvent;

    ReturnedValue(MethodVisitor next, String bridge, String bridgeDescriptor, boolean withEvent) {
      super(Opcodes.ASM9, next);
      this.bridge = bridge;
      this.bridgeDescriptor = bridgeDescriptor;
      this.withEvent = withEvent;
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.ARETURN) {
        if (withEvent) {
          super.visitVarInsn(Opcodes.ALOAD, 1);
          super.visitInsn(Opcodes.SWAP);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, bridge, bridgeDescriptor, false);
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(withEvent ? maxStack + 1 : maxStack, maxLocals);
    }
  }

  /**
   * {@code stream = RedactionBridge.accessEventStream(event, stream)} at entry and {@code
   * RedactionBridge.accessEventStreamDone(stream)} before each {@code RETURN}: the stream argument
   * is replaced by one of its type, so no frame changes.
   */
  private static final class StreamedEvent extends MethodVisitor {
    StreamedEvent(MethodVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 1);
      super.visitVarInsn(Opcodes.ALOAD, 2);
      super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "accessEventStream",
          "(" + OBJECT + STREAM + ")" + STREAM, false);
      super.visitVarInsn(Opcodes.ASTORE, 2);
    }

    @Override
    public void visitInsn(int opcode) {
      if (opcode == Opcodes.RETURN) {
        super.visitVarInsn(Opcodes.ALOAD, 2);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, "accessEventStreamDone", "(" + STREAM + ")V", false);
      }
      super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, 2), maxLocals);
    }
  }
}

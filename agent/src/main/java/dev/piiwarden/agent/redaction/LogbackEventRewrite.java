package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.redaction.bridge.RedactedThrowable;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.Redactor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Redacts a Logback {@code LoggingEvent} in place, before any appender or encoder sees it: the
 * formatted message (arguments rendered by {@link LogText#arguments}) and, when that needed
 * redaction, the unformatted one (the template, placeholders kept), the argument array, the MDC
 * map, the SLF4J 2 key-value pairs, the thread name, the markers' names ({@link Slf4jMarkerNames}),
 * logstash-logback-encoder's markers and structured arguments ({@link LogstashFields}) and the
 * exception: each throwable proxy of the chain gets the
 * stand-in of its exception and its redacted message (frames untouched). The event's fields are
 * written by reflection: Logback has no setters that may be called twice.
 */
final class LogbackEventRewrite {
  private static final ClassValue<Access> ACCESS =
      new ClassValue<>() {
        @Override
        protected Access computeValue(Class<?> type) {
          Access fields = new Access(type);
          if (fields.problem == null) {
            READS.bind(type, fields.reads());
          }
          return fields;
        }
      };
  /** The event reads of {@link Access#reads}, bound to the first event class: inlined. */
  private static final BoundReads READS = new BoundReads(7, type -> ACCESS.get(type).reads());
  private static final MethodHandle GET_MESSAGE = READS.invoker(0);
  private static final MethodHandle GET_ARGUMENT_ARRAY = READS.invoker(1);
  private static final MethodHandle GET_FORMATTED_MESSAGE = READS.invoker(2);
  private static final MethodHandle GET_MDC = READS.invoker(3);
  private static final MethodHandle GET_THROWABLE_PROXY = READS.invoker(4);
  private static final MethodHandle GET_KEY_VALUE_PAIRS = READS.invoker(5);
  private static final MethodHandle GET_THREAD_NAME = READS.invoker(6);

  private final LogText text;
  private final LogstashFields logstash;
  private final Slf4jMarkerNames markerNames;

  LogbackEventRewrite(LogText text) {
    this.text = text;
    this.logstash = new LogstashFields(text);
    this.markerNames = new Slf4jMarkerNames(text);
  }

  /**
   * Redacts {@code event}; returns its redacted formatted message. An event without personal data
   * is left as it is, and the hot path then allocates nothing: reads through method handles
   * resolved once per event class (inlined for the first class: {@link BoundReads}), the redactor
   * returning the same instances, the thread name compared by identity with the one last checked
   * ({@link LogText#threadName}).
   */
  String redact(Object event, String handled, RedactionCallDepth depth) {
    Access fields = ACCESS.get(event.getClass());
    if (fields.problem != null) {
      AgentReport.once(
          "logback-event-type",
          "cannot redact Logback events of type " + event.getClass().getName() + " (" + fields.problem
              + "); they reach the appenders unredacted");
      return null;
    }
    String out = message(fields, event, handled);
    try {
      mdc(fields, event);
    } catch (Throwable failure) {
      partFailed("mdc", failure);
    }
    try {
      keyValuePairs(fields, event);
    } catch (Throwable failure) {
      partFailed("key-value pairs", failure);
    }
    try {
      threadName(fields, event, depth);
    } catch (Throwable failure) {
      partFailed("thread name", failure);
    }
    try {
      markers(fields, event);
    } catch (Throwable failure) {
      partFailed("markers", failure);
    }
    try {
      Object proxy = (Object) GET_THROWABLE_PROXY.invokeExact(event);
      if (proxy != null) {
        throwableProxies(fields, proxy);
      }
    } catch (Throwable failure) {
      partFailed("exception", failure);
    }
    return out;
  }

  private String message(Access fields, Object event, String handled) {
    try {
      Object[] arguments = (Object[]) (Object) GET_ARGUMENT_ARRAY.invokeExact(event);
      String template = (String) (Object) GET_MESSAGE.invokeExact(event);
      if (handled != null && arguments == null && Objects.equals(template, handled)) {
        return handled; // bridged from an outer framework whose hook redacted it
      }
      Object[] redacted;
      String formatted = null;
      boolean clean = false;
      int shapes = -1;
      int shown = PlaceholderFill.UNCHECKED;
      if (LogText.plain(arguments)) {
        // The event's own formatting (cached in the event, which its appenders would do anyway);
        // when it holds nothing, string arguments inside it need no scan of their own, and when it
        // is the template's plain filling, those it shows may be scanned as parts of it.
        formatted = (String) (Object) GET_FORMATTED_MESSAGE.invokeExact(event);
        shapes = text.shapes(formatted);
        clean = shapes == 0;
        if (clean) {
          redacted = text.argumentsOf(formatted, arguments);
        } else if (arguments != null && text.partsNeedNoFilter(shapes)) {
          shown = PlaceholderFill.shown(template, formatted, arguments, arguments.length, false);
          redacted = text.argumentsIn(arguments, shown, shapes);
        } else {
          redacted = text.arguments(arguments);
        }
      } else {
        redacted = text.arguments(arguments);
      }
      if (redacted == arguments) {
        if (clean) {
          return formatted;
        }
        if (formatted == null) {
          formatted = (String) (Object) GET_FORMATTED_MESSAGE.invokeExact(event);
        }
        String out = text.text(formatted);
        if (out != formatted) {
          fields.setFormattedMessage.invokeExact(event, (Object) out);
          rawMessage(fields, event, template, formatted, out);
        }
        return out;
      }
      // string arguments put into the event's own text where it is the plain filling of the
      // template, which then needs no scan when they were its only shapes; anything else
      // formatted again by SLF4J's formatter and scanned
      String refilled = null;
      if (formatted != null) {
        if (shown == PlaceholderFill.UNCHECKED) {
          shown = PlaceholderFill.shown(template, formatted, arguments, arguments.length, false);
        }
        refilled = PlaceholderFill.rebuild(template, formatted, arguments, redacted, shown);
      }
      String out = refilled != null ? text.textRebuilt(refilled, shapes)
          : text.text((String) (Object) fields.formatArray.invokeExact((Object) template, (Object) redacted));
      fields.setFormattedMessage.invokeExact(event, (Object) out);
      fields.setArgumentArray.invokeExact(event, (Object) kept(arguments, redacted));
      if (!clean) {
        // a certainly clean message shows every text of the template: it holds nothing either
        rawMessage(fields, event, template, formatted, out);
      }
      return out;
    } catch (Throwable failure) {
      failClosed(fields, event, failure);
      return Redactor.FAILED;
    }
  }

  /**
   * The event's unformatted message ({@code getMessage()}, which logstash-logback-encoder's {@code
   * rawMessage} writes), once its formatted message needed redaction: {@code out}, that message
   * redacted, when the two are one (no arguments), else the template redacted with its {@code {}}
   * placeholders kept ({@link LogText#template}). A clean event never comes here.
   */
  private void rawMessage(Access fields, Object event, String template, String formatted, String out)
      throws Throwable {
    if (template == null) {
      return;
    }
    String raw = template == formatted ? out : text.template(template);
    if (raw != template) {
      fields.setMessage.invokeExact(event, (Object) raw);
    }
  }

  private void failClosed(Access fields, Object event, Throwable failure) {
    text.failed();
    AgentReport.once(
        "logback-message",
        "could not redact a Logback message (" + AgentReport.describe(failure)
            + "); such messages are written as " + Redactor.FAILED);
    try {
      fields.formattedMessage.set(event, Redactor.FAILED);
      fields.message.set(event, Redactor.FAILED);
      fields.argumentArray.set(event, null);
    } catch (Throwable unwritable) {
      AgentReport.once("logback-message-unwritable", "could not replace a Logback message ("
          + AgentReport.describe(unwritable) + ")");
    }
  }

  @SuppressWarnings("unchecked")
  private void mdc(Access fields, Object event) throws Throwable {
    Map<String, String> mdc = (Map<String, String>) (Object) GET_MDC.invokeExact(event);
    Map<String, String> redacted = text.values(mdc);
    if (redacted != mdc) {
      fields.mdc.set(event, redacted);
    }
  }

  /**
   * The thread name ({@code %thread}), read as the event gives it (set once on the event, as
   * Logback does on its first read) and replaced when it holds personal data.
   */
  private void threadName(Access fields, Object event, RedactionCallDepth depth) throws Throwable {
    String redacted = text.threadName((String) (Object) GET_THREAD_NAME.invokeExact(event), depth);
    if (redacted != null) {
      fields.threadName.set(event, redacted);
    }
  }

  /**
   * The argument array the event keeps: {@code redacted}, except that logstash-logback-encoder's
   * structured arguments, which {@code redacted} holds as their log-safe text for the message, are
   * markers again ({@link LogstashFields}: the same ones when they hold nothing), so its JSON
   * encoder still writes their fields. One that cannot be redacted stays text.
   */
  private Object[] kept(Object[] arguments, Object[] redacted) {
    if (arguments == null || redacted == null) {
      return redacted;
    }
    Object[] kept = redacted;
    for (int i = 0; i < arguments.length; i++) {
      if (LogstashFields.isMarker(arguments[i])) {
        try {
          Object marker = logstash.redact(arguments[i]);
          if (kept == redacted) {
            kept = redacted.clone();
          }
          kept[i] = marker;
        } catch (Throwable failure) {
          partFailed("structured arguments", failure);
        }
      }
    }
    return kept;
  }

  /**
   * The event's markers redacted, logstash-logback-encoder's by {@link LogstashFields}, any other
   * by its names ({@link Slf4jMarkerNames}): the marker list of Logback 1.3+, or the one marker of
   * a Logback 1.2 event. The list is replaced only when a marker was.
   */
  private void markers(Access fields, Object event) throws Throwable {
    if (fields.getMarkerList == null) {
      if (fields.marker != null) {
        Object marker = fields.marker.get(event);
        Object replacement = redactedMarker(event, marker);
        if (replacement != marker) {
          fields.marker.set(event, replacement);
        }
      }
      return;
    }
    List<?> markers = (List<?>) (Object) fields.getMarkerList.invokeExact(event);
    if (markers == null || markers.isEmpty()) {
      return;
    }
    List<Object> redacted = null;
    for (int i = 0; i < markers.size(); i++) {
      Object marker = markers.get(i);
      Object replacement = redactedMarker(event, marker);
      if (replacement != marker) {
        if (redacted == null) {
          redacted = new ArrayList<>(markers);
        }
        redacted.set(i, replacement);
      }
    }
    if (redacted != null) {
      redacted.removeIf(Objects::isNull);
      fields.markerList.set(event, redacted);
    }
  }

  /**
   * A logstash-logback-encoder marker redacted, any other by its names; null when it cannot be
   * (fail closed: left out of the event).
   */
  private Object redactedMarker(Object event, Object marker) {
    if (!LogstashFields.isMarker(marker)) {
      try {
        return markerNames.redact(event.getClass(), marker);
      } catch (Throwable failure) {
        text.failed();
        AgentReport.once("logback-marker-name", "could not redact the name of a marker ("
            + AgentReport.describe(failure) + "); such markers are left out of the event");
        return null;
      }
    }
    try {
      return logstash.redact(marker);
    } catch (Throwable failure) {
      // fail closed: a marker that cannot be redacted is not written
      text.failed();
      AgentReport.once("logback-marker", "could not redact a logstash-logback-encoder marker ("
          + AgentReport.describe(failure) + "); such markers are left out of the event");
      return null;
    }
  }

  private void keyValuePairs(Access fields, Object event) throws Throwable {
    List<?> pairs = (List<?>) (Object) GET_KEY_VALUE_PAIRS.invokeExact(event);
    if (pairs == null || pairs.isEmpty()) {
      return;
    }
    List<Object> redacted = null;
    for (int i = 0; i < pairs.size(); i++) {
      Object pair = pairs.get(i);
      Class<?> type = pair.getClass();
      Field key = type.getField("key");
      Field value = type.getField("value");
      Object original = value.get(pair);
      Object replacement = text.value((String) key.get(pair), original);
      if (replacement != original) {
        if (redacted == null) {
          redacted = new ArrayList<>(pairs);
        }
        Constructor<?> make = type.getConstructor(String.class, Object.class);
        redacted.set(i, make.newInstance(key.get(pair), replacement));
      }
    }
    if (redacted != null) {
      fields.keyValuePairs.set(event, redacted);
    }
  }

  /**
   * When a text in the exception's chain (message, localized message, {@code toString}) holds
   * personal data or cannot be read, gives each throwable proxy of the event (the causes' and
   * suppressed exceptions' too) the stand-in of its own exception and that stand-in's redacted
   * message: an appender that reads the {@code Throwable} itself ({@code
   * ThrowableProxy.getThrowable()}, as Sentry's and OpenTelemetry's do) gets the stand-in and its
   * chain, never the application's exception, which is not changed. The proxies' frames stay as
   * they are. A proxy built from a stand-in (an event bridged from a hooked framework) is given
   * the original class name.
   */
  private void throwableProxies(Access fields, Object proxy) throws IllegalAccessException {
    if (fields.proxyMessage == null || fields.proxyMessage.getDeclaringClass() != proxy.getClass()) {
      return; // another IThrowableProxy implementation: nothing known to write
    }
    Object thrown = fields.proxyThrowable.get(proxy);
    Map<Throwable, Throwable> standIns =
        thrown instanceof Throwable ? text.standIns((Throwable) thrown) : Map.of();
    giveStandIns(fields, proxy, standIns, new IdentityHashMap<>());
  }

  private static void giveStandIns(
      Access fields, Object proxy, Map<Throwable, Throwable> standIns, Map<Object, Boolean> seen)
      throws IllegalAccessException {
    if (proxy == null
        || proxy.getClass() != fields.proxyMessage.getDeclaringClass()
        || seen.put(proxy, Boolean.TRUE) != null) {
      return;
    }
    Object thrown = fields.proxyThrowable.get(proxy);
    if (thrown instanceof RedactedThrowable) {
      fields.proxyClassName.set(proxy, ((RedactedThrowable) thrown).originalClassName());
    } else if (thrown != null) {
      Throwable standIn = standIns.get(thrown);
      if (standIn != null) {
        fields.proxyThrowable.set(proxy, standIn);
        fields.proxyMessage.set(proxy, standIn.getMessage());
      }
    }
    giveStandIns(fields, fields.proxyCause.get(proxy), standIns, seen);
    Object[] suppressed = (Object[]) fields.proxySuppressed.get(proxy);
    if (suppressed != null) {
      for (Object each : suppressed) {
        giveStandIns(fields, each, standIns, seen);
      }
    }
  }

  private static void partFailed(String what, Throwable failure) {
    AgentReport.once(
        "logback-" + what,
        "could not redact the " + what + " of a Logback event (" + AgentReport.describe(failure) + ")");
  }

  /** The members of one event class, found once. */
  private static final class Access {
    String problem;
    MethodHandle getMessage;
    MethodHandle getArgumentArray;
    MethodHandle getFormattedMessage;
    MethodHandle getMdc;
    MethodHandle getThrowableProxy;
    MethodHandle getKeyValuePairs;
    MethodHandle getThreadName;
    Field threadName;
    /** {@code MessageFormatter.arrayFormat(format, arguments).getMessage()}, {@code (Object, Object)Object}. */
    MethodHandle formatArray;
    MethodHandle setFormattedMessage;
    MethodHandle setMessage;
    MethodHandle setArgumentArray;
    Field formattedMessage;
    /** The unformatted message, the template of a message with arguments. */
    Field message;
    Field argumentArray;
    Field mdc;
    /** Null for a Logback without key-value pairs (1.2), whose reads then give none. */
    Field keyValuePairs;
    /** Null for a Logback without {@code markerList} (1.2), whose event has {@link #marker}. */
    Field markerList;
    /** Logback 1.2's one marker of an event; null where there is a {@link #markerList}. */
    Field marker;
    MethodHandle getMarkerList;
    Field proxyThrowable;
    Field proxyClassName;
    Field proxyMessage;
    Field proxyCause;
    Field proxySuppressed;

    /** The handles of the reads, in the order of the invokers. */
    MethodHandle[] reads() {
      return new MethodHandle[] {
        getMessage, getArgumentArray, getFormattedMessage, getMdc, getThrowableProxy, getKeyValuePairs,
        getThreadName
      };
    }

    Access(Class<?> type) {
      try {
        MethodType read = BoundReads.READ;
        getMessage = ReflectiveAccess.handle(ReflectiveAccess.method(type, "getMessage"), read);
        getArgumentArray = ReflectiveAccess.handle(ReflectiveAccess.method(type, "getArgumentArray"), read);
        getFormattedMessage = ReflectiveAccess.handle(ReflectiveAccess.method(type, "getFormattedMessage"), read);
        getMdc = ReflectiveAccess.handle(ReflectiveAccess.method(type, "getMDCPropertyMap"), read);
        getThrowableProxy = ReflectiveAccess.handle(ReflectiveAccess.method(type, "getThrowableProxy"), read);
        getThreadName = ReflectiveAccess.handle(ReflectiveAccess.method(type, "getThreadName"), read);
        threadName = ReflectiveAccess.field(type, "threadName");
        formattedMessage = ReflectiveAccess.field(type, "formattedMessage");
        message = ReflectiveAccess.field(type, "message");
        argumentArray = ReflectiveAccess.field(type, "argumentArray");
        mdc = ReflectiveAccess.field(type, "mdcPropertyMap");
        try {
          keyValuePairs = ReflectiveAccess.field(type, "keyValuePairs");
          getKeyValuePairs = ReflectiveAccess.getter(keyValuePairs);
        } catch (NoSuchFieldException absent) {
          // Logback 1.2 (SLF4J 1.7) has no key-value pairs: none to redact
          getKeyValuePairs = MethodHandles.dropArguments(
              MethodHandles.constant(Object.class, null), 0, Object.class);
        }
        try {
          markerList = ReflectiveAccess.field(type, "markerList");
          getMarkerList = ReflectiveAccess.getter(markerList);
        } catch (NoSuchFieldException absent) {
          markerList = null;
          marker = ReflectiveAccess.field(type, "marker"); // Logback 1.2: one marker
        }
        Class<?> formatter = ReflectiveAccess.sibling(type, "org.slf4j.helpers.MessageFormatter");
        Method arrayFormat = ReflectiveAccess.method(formatter, "arrayFormat", String.class, Object[].class);
        Method tupleMessage = ReflectiveAccess.method(arrayFormat.getReturnType(), "getMessage");
        formatArray =
            MethodHandles.filterReturnValue(
                    MethodHandles.publicLookup().unreflect(arrayFormat),
                    MethodHandles.publicLookup().unreflect(tupleMessage))
                .asType(MethodType.methodType(Object.class, Object.class, Object.class));
        MethodType write = MethodType.methodType(void.class, Object.class, Object.class);
        setFormattedMessage = ReflectiveAccess.setter(formattedMessage).asType(write);
        setMessage = ReflectiveAccess.setter(message).asType(write);
        setArgumentArray = ReflectiveAccess.setter(argumentArray).asType(write);
        Class<?> proxy = ReflectiveAccess.sibling(type, "ch.qos.logback.classic.spi.ThrowableProxy");
        proxyThrowable = ReflectiveAccess.field(proxy, "throwable");
        proxyClassName = ReflectiveAccess.field(proxy, "className");
        proxyMessage = ReflectiveAccess.field(proxy, "message");
        proxyCause = ReflectiveAccess.field(proxy, "cause");
        proxySuppressed = ReflectiveAccess.field(proxy, "suppressed");
      } catch (ReflectiveOperationException | RuntimeException e) {
        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }
  }
}

package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.Redactor;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Redacts a Log4j2 {@code LogEvent} on its way to the appenders: a copy ({@code
 * Log4jLogEvent.Builder}) with the message as a {@code SimpleMessage} of the redacted text (a
 * {@code MapMessage} as one of its class with its values redacted), the context data's values and
 * the context stack's entries (NDC) redacted, the thread name redacted, a marker whose name (or a
 * parent's) holds personal data replaced by a stand-in ({@link Log4jMarkerNames}), and the
 * exception replaced by a stand-in when a text in its chain (message, localized message, {@code
 * toString}) held personal data or could not be read. The application's messages, markers and
 * exceptions are never changed, nor is
 * an immutable event ({@code Log4jLogEvent}), which an application or appender may hold; a
 * reusable event ({@code MutableLogEvent}, what a synchronous logger with thread-local events and
 * {@code AsyncLoggerConfig}'s queue pass), which its factory or queue clears after the call, gets
 * the redacted message, thread name and marker in its own slots when only those changed. Events
 * without personal data pass as they are.
 */
final class Log4jEventRewrite {
  private static final String IMMUTABLE_EVENT = "org.apache.logging.log4j.core.impl.Log4jLogEvent";
  private static final String MUTABLE_EVENT = "org.apache.logging.log4j.core.impl.MutableLogEvent";

  /** Largest per-thread format buffer kept for the next event. */
  private static final int MAX_KEPT_BUFFER = 4096;

  private final LogText text;
  private final Log4jMarkerNames markerNames;
  private static final ClassValue<Access> ACCESS =
      new ClassValue<>() {
        @Override
        protected Access computeValue(Class<?> type) {
          Access members = new Access(type);
          members.bind();
          return members;
        }
      };
  /**
   * The hot reads, through call sites bound to the first Log4j2 seen (its interfaces), which the
   * JIT inlines ({@link BoundReads}); members of another class loader's Log4j2 through their own.
   */
  private static final BoundReads EVENT_READS =
      new BoundReads(5, type -> ACCESS.get(type).eventReads());
  private static final BoundReads MESSAGE_READS =
      new BoundReads(
          new MethodType[] {
            MethodType.methodType(void.class, Object.class, StringBuilder.class), BoundReads.READ
          },
          type -> Log4jEventRewrite.MESSAGE_HANDLES.get(type));
  private static final BoundReads DATA_READS =
      new BoundReads(
          new MethodType[] {MethodType.methodType(boolean.class, Object.class), BoundReads.READ},
          type -> Log4jEventRewrite.DATA_HANDLES.get(type));
  /**
   * The message reads for a message class, through the interfaces its own class loader sees (an
   * application's message class need not see log4j-core).
   */
  private static final ClassValue<MethodHandle[]> MESSAGE_HANDLES =
      new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
          try {
            Class<?> message = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.Message");
            MethodHandle formatted =
                ReflectiveAccess.handle(ReflectiveAccess.method(message, "getFormattedMessage"), BoundReads.READ);
            Class<?> formattable = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.StringBuilderFormattable");
            MethodHandle formatTo =
                ReflectiveAccess.handle(
                    ReflectiveAccess.method(formattable, "formatTo", StringBuilder.class),
                    MethodType.methodType(void.class, Object.class, StringBuilder.class));
            return new MethodHandle[] {formatTo, formatted};
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Log4j2 messages of type " + type.getName(), e);
          }
        }
      };
  /** The context data reads for a map class, through the interface its class loader sees. */
  private static final ClassValue<MethodHandle[]> DATA_HANDLES =
      new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
          try {
            Class<?> map = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.ReadOnlyStringMap");
            return new MethodHandle[] {
              ReflectiveAccess.handle(
                  ReflectiveAccess.method(map, "isEmpty"), MethodType.methodType(boolean.class, Object.class)),
              ReflectiveAccess.handle(ReflectiveAccess.method(map, "toMap"), BoundReads.READ)
            };
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Log4j2 context data of type " + type.getName(), e);
          }
        }
      };
  private static final MethodHandle GET_MESSAGE = EVENT_READS.invoker(0);
  private static final MethodHandle GET_CONTEXT_DATA = EVENT_READS.invoker(1);
  private static final MethodHandle GET_THROWN = EVENT_READS.invoker(2);
  private static final MethodHandle GET_MARKER = EVENT_READS.invoker(3);
  private static final MethodHandle GET_THREAD_NAME = EVENT_READS.invoker(4);
  private static final MethodHandle FORMAT_TO = MESSAGE_READS.invoker(0);
  private static final MethodHandle GET_FORMATTED_MESSAGE = MESSAGE_READS.invoker(1);
  private static final MethodHandle IS_EMPTY = DATA_READS.invoker(0);
  private static final MethodHandle TO_MAP = DATA_READS.invoker(1);
  Log4jEventRewrite(LogText text) {
    this.text = text;
    this.markerNames = new Log4jMarkerNames(text);
  }

  /**
   * The event to pass on; records this event's redacted message in {@code depth} (none when
   * nothing changed: an inner hook then finds clean text clean again). {@code handled} is the
   * outer message or null. An event without personal data passes as it is, and on the hot path
   * (no outer message) nothing is allocated: members read through method handles resolved once
   * per class, the parameters read in place, the message formatted into a per-thread buffer and
   * scanned there; string parameters found whole in a message that certainly holds nothing are
   * not scanned again; the thread name compared by identity with the one last checked ({@link
   * LogText#threadName}), the marker only read when there is one.
   */
  Object redact(Object event, String handled, RedactionCallDepth depth) {
    Object previous = depth.copyOf(event);
    if (previous != null) {
      depth.handled(depth.copyMessage());
      return previous;
    }
    Access members = ACCESS.get(event.getClass());
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
      Object original = (Object) GET_MESSAGE.invokeExact(event);
      if (handled != null) {
        String formatted = (String) (Object) GET_FORMATTED_MESSAGE.invokeExact(original);
        if (handled.equals(formatted)) {
          out = formatted; // bridged from an outer framework whose hook redacted it
        } else {
          // not into the thread's buffer, which the outer hook may be using
          String redacted = redactedMessage(members, original, depth, false);
          out = redacted != null ? redacted : formatted;
          if (redacted != null) {
            message = (Object) members.newSimpleMessage.invokeExact((Object) out);
          }
        }
      } else {
        Object map = members.mapMessage.isInstance(original) ? redactedMap(members, original) : null;
        if (map != null) {
          message = map;
          out = (String) (Object) members.getFormattedMessage.invokeExact(map);
        } else {
          out = redactedMessage(members, original, depth, true);
          if (out != null) {
            message = (Object) members.newSimpleMessage.invokeExact((Object) out);
          }
        }
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-message",
          "could not redact a Log4j2 message (" + AgentReport.describe(failure)
              + "); such messages are written as " + Redactor.FAILED);
      text.failed();
      out = Redactor.FAILED;
      message = newMessage(members, out);
    }
    Object context = null;
    try {
      Object data = (Object) GET_CONTEXT_DATA.invokeExact(event);
      if (data != null && !(boolean) IS_EMPTY.invokeExact(data)) {
        @SuppressWarnings("unchecked")
        Map<String, String> map = (Map<String, String>) (Object) TO_MAP.invokeExact(data);
        Map<String, String> redacted = text.values(map);
        if (redacted != map) {
          context = (Object) members.newStringMap.invokeExact((Object) redacted);
        }
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-context",
          "could not redact the context data of a Log4j2 event (" + AgentReport.describe(failure) + ")");
    }
    Object stack = null;
    try {
      stack = contextStack(members, event);
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-context-stack",
          "could not redact the context stack (NDC) of a Log4j2 event (" + AgentReport.describe(failure) + ")");
    }
    Throwable thrown = null;
    Throwable original = null;
    try {
      original = (Throwable) (Object) GET_THROWN.invokeExact(event);
      if (original != null) {
        Throwable redacted = text.thrown(original);
        if (redacted != original) {
          thrown = redacted;
        }
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-exception",
          "could not redact the exception of a Log4j2 event (" + AgentReport.describe(failure)
              + "); such exceptions are written as " + Redactor.FAILED);
      thrown = original == null ? null : text.unredactable(original);
    }
    String threadName = null;
    try {
      threadName = text.threadName((String) (Object) GET_THREAD_NAME.invokeExact(event), depth);
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-thread-name",
          "could not redact the thread name of a Log4j2 event (" + AgentReport.describe(failure) + ")");
    }
    Object marker = null;
    boolean markerChanged = false;
    try {
      Object markerIn = (Object) GET_MARKER.invokeExact(event);
      if (markerIn != null) {
        marker = markerNames.redact(event.getClass(), markerIn);
        markerChanged = marker != markerIn;
      }
    } catch (Throwable failure) {
      // fail closed: a marker that cannot be redacted is not written
      text.failed();
      AgentReport.once(
          "log4j-marker",
          "could not redact the marker of a Log4j2 event (" + AgentReport.describe(failure)
              + "); such markers are left out of the event");
      marker = null;
      markerChanged = true;
    }
    depth.handled(out);
    if (message == null && context == null && stack == null && thrown == null && threadName == null
        && !markerChanged) {
      depth.copied(null, null, null); // an additive parent's second look at a clean event finds it clean again
      return event;
    }
    if (context == null && stack == null && thrown == null && members.setMessageSlot != null
        && (threadName == null || members.setThreadNameSlot != null)
        && (!markerChanged || members.setMarkerSlot != null)) {
      // a reusable event (MutableLogEvent) is this call's own, cleared by its factory or queue
      // when the call is done: the redacted message, thread name and marker go into its slots,
      // without a copy
      try {
        if (message != null) {
          members.setMessageSlot.invokeExact(event, message);
        }
        if (threadName != null) {
          members.setThreadNameSlot.invokeExact(event, (Object) threadName);
        }
        if (markerChanged) {
          members.setMarkerSlot.invokeExact(event, marker);
        }
        depth.copied(null, null, null);
        return event;
      } catch (Throwable failure) {
        AgentReport.once(
            "log4j-message-slot",
            "could not put a redacted message into a reusable Log4j2 event (" + AgentReport.describe(failure)
                + "); such events are copied instead");
      }
    }
    Object result;
    try {
      Object builder = message != null && members.setMessageSlot != null
          ? builderWithMessage(members, event, message)
          : (Object) members.newBuilder.invokeExact(event);
      if (message != null) {
        builder = (Object) members.setMessage.invokeExact(builder, message);
      }
      if (context != null) {
        builder = (Object) members.setContextData.invokeExact(builder, context);
      }
      if (stack != null) {
        builder = (Object) members.setContextStack.invokeExact(builder, stack);
      }
      if (thrown != null) {
        builder = (Object) members.setThrown.invokeExact(builder, (Object) thrown);
        builder = (Object) members.setThrownProxy.invokeExact(builder, (Object) null);
      }
      if (threadName != null) {
        builder = (Object) members.setThreadName.invokeExact(builder, (Object) threadName);
      }
      if (markerChanged) {
        builder = (Object) members.setMarker.invokeExact(builder, marker);
      }
      result = (Object) members.build.invokeExact(builder);
    } catch (Throwable failure) {
      AgentReport.once(
          "log4j-copy",
          "could not copy a Log4j2 event (" + AgentReport.describe(failure) + "); it reaches the appenders unredacted");
      return event;
    }
    if (event.getClass().getName().equals(IMMUTABLE_EVENT)) {
      depth.copied(event, result, out);
    } else {
      depth.copied(null, null, null);
    }
    return result;
  }

  /**
   * A {@code MapMessage} ({@code StringMapMessage}, {@code StructuredDataMessage}, ...) of the same
   * class with its values redacted ({@link LogText#value}: a credential key's whole value), so
   * that layouts reading its map (JsonTemplateLayout's {@code map} resolver, a message written as a
   * JSON object) still find every key; a value that is an object and holds nothing keeps its
   * type. Null when no value changed, or when the copy's text still holds personal data (in a
   * key): the caller's text message then stands.
   */
  private Object redactedMap(Access members, Object original) throws Throwable {
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) (Object) members.getMapData.invokeExact(original);
    if (data == null) {
      return null;
    }
    Map<String, Object> redacted = null;
    for (Map.Entry<String, Object> entry : data.entrySet()) {
      Object value = entry.getValue();
      Object replacement = text.value(entry.getKey(), value);
      if (replacement != value && value != null && !(value instanceof String) && !LogText.isScalar(value)
          && replacement.equals(String.valueOf(value))) {
        replacement = value; // an object that holds nothing stays what it was
      }
      if (replacement != value) {
        if (redacted == null) {
          redacted = new LinkedHashMap<>(data);
        }
        redacted.put(entry.getKey(), replacement);
      }
    }
    if (redacted == null) {
      return null;
    }
    Object copy = (Object) members.newMapInstance.invokeExact(original, (Object) redacted);
    String formatted = (String) (Object) members.getFormattedMessage.invokeExact(copy);
    return text.text(formatted) == formatted ? copy : null;
  }

  /**
   * The event's context stack ({@code ThreadContext.push}, the NDC of {@code %x}) with each entry
   * redacted, as a frozen stack; null when it is empty or holds nothing.
   */
  private Object contextStack(Access members, Object event) throws Throwable {
    Object stack = (Object) members.getContextStack.invokeExact(event);
    if (stack == null || (int) members.stackDepth.invokeExact(stack) == 0) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<String> entries = (List<String>) (Object) members.stackAsList.invokeExact(stack);
    List<String> redacted = null;
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      String replacement = entry == null ? null : text.text(entry);
      if (replacement != entry) {
        if (redacted == null) {
          redacted = new ArrayList<>(entries);
        }
        redacted.set(i, replacement);
      }
    }
    if (redacted == null) {
      return null;
    }
    Object copy = (Object) members.newContextStack.invokeExact((Object) redacted);
    members.freezeStack.invokeExact(copy);
    return copy;
  }

  /**
   * A builder copying {@code event}, a reusable {@code MutableLogEvent}, made while {@code message}
   * is in the event's own message slot, which the builder copies instead of making a memento of
   * the event's text and parameters that the redacted message replaces anyway; the slot holds
   * what it held before when this returns. The event is the thread's own for this call.
   */
  private static Object builderWithMessage(Access members, Object event, Object message) throws Throwable {
    Object own = (Object) members.getMessageSlot.invokeExact(event);
    members.setMessageSlot.invokeExact(event, message);
    try {
      return (Object) members.newBuilder.invokeExact(event);
    } finally {
      members.setMessageSlot.invokeExact(event, own);
    }
  }

  /**
   * The message's parameters, possibly more than it uses ({@link #countOf}): a reusable message's
   * (and an event's own) read in place, without the copy {@code getParameters()} makes.
   */
  private static Object[] parametersOf(Access members, Parameters view, Object message)
      throws Throwable {
    if (view.array == null) {
      return (Object[]) (Object) members.getParameters.invokeExact(message);
    }
    Object[] parameters = (Object[]) (Object) view.array.invokeExact(message);
    if (parameters == null && view.fallback != null) {
      parameters = (Object[]) (Object) view.fallback.invokeExact(message);
    }
    return parameters;
  }

  /** How many of {@code parameters} ({@link #parametersOf}) the message uses. */
  private static int countOf(Parameters view, Object message, Object[] parameters) throws Throwable {
    if (parameters == null) {
      return 0;
    }
    return view.array == null
        ? parameters.length : Math.min(parameters.length, (int) view.count.invokeExact(message));
  }

  /**
   * The first {@code count} parameters each redacted as a log argument ({@link LogText#argument}),
   * the first {@code parts} of them as parts of the message ({@link LogText#part}): null when none
   * changed, else a copy of them with the replacements.
   */
  private Object[] redactedParameters(
      Object[] parameters, int count, CharSequence cleanMessage, int parts, int shapes) {
    Object[] redacted = null;
    for (int i = 0; i < count; i++) {
      Object parameter = parameters[i];
      Object replacement =
          i < parts ? text.part(parameter, shapes) : text.argument(parameter, cleanMessage);
      if (replacement != parameter) {
        if (redacted == null) {
          redacted = java.util.Arrays.copyOf(parameters, count);
        }
        redacted[i] = replacement;
      }
    }
    return redacted;
  }

  /**
   * The message's text with its parameters and then the whole text redacted, or null when nothing
   * changed. The message is formatted first, into the thread's buffer when it can format in place;
   * when that text certainly holds nothing, string parameters found whole in it are not scanned.
   * Redacted string parameters are put into that text where it is the plain filling of the
   * message's {@code {}} format ({@link PlaceholderFill}), as {@link #rendered} would format them
   * again. {@code inBuffer} false formats to a String, for a hook inside another that may be
   * using the buffer. A message with objects among its parameters goes to {@link #withObjects}.
   */
  private String redactedMessage(Access members, Object message, RedactionCallDepth depth, boolean inBuffer)
      throws Throwable {
    StringBuilder buffer = inBuffer && members.formattable != null && members.formattable.isInstance(message)
        ? depth.formatBuffer() : null;
    try {
      CharSequence formatted;
      if (buffer != null) {
        FORMAT_TO.invokeExact(message, buffer);
        formatted = buffer;
      } else {
        formatted = (String) (Object) GET_FORMATTED_MESSAGE.invokeExact(message);
      }
      Parameters view = members.parameters.get(message.getClass());
      Object[] parameters = parametersOf(members, view, message);
      int count = countOf(view, message, parameters);
      int shapes = text.shapes(formatted);
      if (renderedByLog4j(parameters, count)) {
        return withObjects(members, message, view, formatted.toString(), parameters, count, shapes);
      }
      boolean clean = shapes == 0;
      // a {} message as rendered() would format it again: its text compared whole unless the
      // message is a ParameterizedMessage, which rendered() takes to be its format filled
      String format = null;
      String whole = null;
      int shown = PlaceholderFill.UNCHECKED;
      if (!clean && !view.objectMessage && text.partsNeedNoFilter(shapes)) {
        format = (String) (Object) members.getFormat.invokeExact(message);
        // compared and copied as a String: a buffer is read a character at a time
        whole = formatted.toString();
        shown = PlaceholderFill.shown(format, whole, parameters, count, !view.parameterized);
      }
      Object[] redacted = redactedParameters(parameters, count, clean ? formatted : null, shown, shapes);
      if (redacted == null) {
        return clean ? null : text.textIfFound(formatted);
      }
      if (!view.objectMessage) {
        if (shown == PlaceholderFill.UNCHECKED) {
          format = (String) (Object) members.getFormat.invokeExact(message);
          whole = formatted.toString();
          shown = PlaceholderFill.shown(format, whole, parameters, count, !view.parameterized);
        }
        String filled = PlaceholderFill.rebuild(format, whole, parameters, redacted, shown);
        if (filled != null) {
          return text.textRebuilt(filled, shapes);
        }
        String out = text.text(rendered(members, message, whole, redacted));
        return out == whole ? null : out;
      }
      whole = formatted.toString();
      String out = text.text(rendered(members, message, whole, redacted));
      return out == whole ? null : out;
    } finally {
      if (buffer != null) {
        depth.trimFormatBuffer(MAX_KEPT_BUFFER);
      }
    }
  }

  /**
   * Whether one of the first {@code count} parameters is an object whose text Log4j2 made by
   * calling the application's code ({@code toString}): anything but null, strings and the JDK's
   * own numbers, booleans, characters and enums.
   */
  private static boolean renderedByLog4j(Object[] parameters, int count) {
    for (int i = 0; i < count; i++) {
      if (renderedByLog4j(parameters[i])) {
        return true;
      }
    }
    return false;
  }

  private static boolean renderedByLog4j(Object parameter) {
    return parameter != null && !(parameter instanceof String)
        && (parameter.getClass().getClassLoader() != null || !LogText.isScalar(parameter));
  }

  /**
   * {@link #redactedMessage} of a message with an object among its parameters ({@link
   * #renderedByLog4j}). Log4j2 has called each such object's {@code toString} once already, on the
   * thread that logged (the event holds the text it made, or the message caches it), and the agent
   * calls it no more: its text is read from the formatted message where it stands ({@link
   * PlaceholderFill#spans}) and redacted there; an object with {@code @PersonalData} members is
   * rendered by its annotations in its place. So an AsyncLogger's thread, which lacks the caller's
   * context, runs none of the application's {@code toString}s, and one with side effects (consent
   * checks, lazy loading, logging) runs as often as without the agent. A text where an object's
   * place is not certain ({@code {}{}}, a separator found twice) has its arguments rendered again
   * and redacted one by one: a scan of the whole could miss a card number run into the next
   * argument's text.
   */
  private String withObjects(
      Access members, Object message, Parameters view, String whole, Object[] parameters, int count, int shapes)
      throws Throwable {
    boolean clean = shapes == 0;
    boolean[] annotated = null;
    for (int i = 0; i < count; i++) {
      if (renderedByLog4j(parameters[i]) && text.holdsPersonalMembers(parameters[i])) {
        if (annotated == null) {
          annotated = new boolean[count];
        }
        annotated[i] = true;
      }
    }
    if (annotated == null && clean) {
      return null; // each object's text is in the message, which holds nothing
    }
    int[] spans = spans(members, message, view, whole, parameters, count);
    if (spans == null) {
      // an object's place is not certain ({}{}): its text, run into the next, could hide a card or
      // an SSN from a scan of the whole, so the arguments are rendered and redacted one by one
      Object[] redacted = redactedParameters(parameters, count, null, 0, -1);
      String out = text.text(rendered(members, message, whole, redacted));
      return out == whole ? null : out;
    }
    StringBuilder out = null;
    int copied = 0;
    for (int k = 0; k < spans.length / 2; k++) {
      Object parameter = parameters[k];
      int start = spans[2 * k];
      int end = spans[2 * k + 1];
      String replacement;
      if (annotated != null && annotated[k]) {
        replacement = text.render(parameter);
      } else if (renderedByLog4j(parameter)) {
        String shown = whole.substring(start, end);
        String redacted = clean ? shown : text.text(shown);
        replacement = redacted == shown ? null : redacted;
      } else {
        Object redacted = text.argument(parameter, clean ? whole : null);
        replacement = redacted == parameter ? null : String.valueOf(redacted);
      }
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(whole.length() + 16);
        }
        out.append(whole, copied, start).append(replacement);
        copied = end;
      }
    }
    if (out == null) {
      return clean ? null : text.textIfFound(whole);
    }
    String filled = out.append(whole, copied, whole.length()).toString();
    return text.text(filled);
  }

  /**
   * Where each parameter a message shows stands in its text {@code whole} ({@link
   * PlaceholderFill#spans}), an object's text taken from there: an {@code ObjectMessage}'s one
   * parameter is its whole text, a {@code {}} message's are found in its filling. Null when
   * that is not certain, and for other messages.
   */
  private static int[] spans(
      Access members, Object message, Parameters view, String whole, Object[] parameters, int count)
      throws Throwable {
    if (view.objectMessage) {
      return count == 1 && !isObjectArrayMessage(message.getClass()) ? new int[] {0, whole.length()} : null;
    }
    String type = message.getClass().getSimpleName();
    if (isJdkFormatted(type)) {
      return null;
    }
    String format = (String) (Object) members.getFormat.invokeExact(message);
    String[] texts = new String[count];
    for (int i = 0; i < count; i++) {
      Object parameter = parameters[i];
      texts[i] = parameter == null ? "null" : renderedByLog4j(parameter) ? null : parameter.toString();
    }
    return PlaceholderFill.spans(format, whole, texts, count);
  }

  /**
   * The message text with arguments redacted one by one, so that an annotated object is rendered
   * by its annotations rather than its {@code toString}.
   */
  private String rendered(Access members, Object message, String formatted, Object[] redacted)
      throws Throwable {
    if (redacted == null) {
      return formatted;
    }
    String type = message.getClass().getSimpleName();
    Object[] parameters = (Object[]) (Object) members.getParameters.invokeExact(message);
    if (parameters == null || parameters.length == 0) {
      return formatted;
    }
    if (type.endsWith("ObjectMessage") && parameters.length == 1) {
      Object rendered = redacted[0];
      return rendered instanceof String ? (String) rendered : formatted;
    }
    if (isObjectArrayMessage(message.getClass())) {
      return java.util.Arrays.toString(redacted);
    }
    String format = (String) (Object) members.getFormat.invokeExact(message);
    if (format == null) {
      return formatted;
    }
    // A MessageFormatMessage (which log4j-jul makes of each java.util.logging call with
    // parameters) or a printf message (StringFormattedMessage): formatted again the same way,
    // with the JDK's formatter, so that Log4j2 reports no formatting trouble of ours.
    if (isJdkFormatted(type)) {
      String out = reformatted(type, format, formatted, parameters, redacted);
      return out != null ? out : formatted;
    }
    // The events of AsyncLogger and AsyncLoggerConfig (RingBufferLogEvent, MutableLogEvent) are
    // their own message, holding the format and parameters of the reusable one they replaced,
    // whose type is gone: use them when they give its text again, i.e. it was a {} message.
    if (!type.endsWith("ParameterizedMessage") && !formatted.equals(parameterized(members, format, parameters))) {
      return formatted;
    }
    return parameterized(members, format, redacted);
  }

  private static String parameterized(Access members, String format, Object[] parameters) throws Throwable {
    Object copy = (Object) members.newParameterizedMessage.invokeExact((Object) format, (Object) parameters);
    return (String) (Object) GET_FORMATTED_MESSAGE.invokeExact(copy);
  }

  /**
   * Whether a message is a Log4j2 {@code ObjectArrayMessage} (a final class), whose text is its
   * parameters as {@code Arrays.toString} writes them, without a format.
   */
  static boolean isObjectArrayMessage(Class<?> type) {
    return type.getName().equals("org.apache.logging.log4j.message.ObjectArrayMessage");
  }

  /** Whether a message class, by its simple name, is formatted by the JDK's MessageFormat or String.format. */
  static boolean isJdkFormatted(String type) {
    return type.equals("MessageFormatMessage") || type.equals("StringFormattedMessage");
  }

  /**
   * The text of a MessageFormatMessage or printf message ({@link #isJdkFormatted}) formatted again
   * from {@code redacted}, when formatting {@code parameters} the same way gives its text {@code
   * formatted}; null otherwise.
   */
  static String reformatted(String type, String format, String formatted, Object[] parameters, Object[] redacted) {
    boolean printf = type.equals("StringFormattedMessage");
    if (format == null || formatted == null || !formatted.equals(jdkFormatted(printf, format, parameters))) {
      return null;
    }
    return jdkFormatted(printf, format, numbersKept(parameters, redacted));
  }

  /**
   * {@code redacted}, but a number whose redacted form is text kept as it was, for a {@code %d}
   * or {@code {0,number}} that would not take the text: the whole line is redacted afterwards,
   * which finds it there as it found it alone.
   */
  private static Object[] numbersKept(Object[] parameters, Object[] redacted) {
    Object[] kept = redacted;
    for (int i = 0; i < redacted.length && i < parameters.length; i++) {
      if (parameters[i] instanceof Number && !(redacted[i] instanceof Number)) {
        if (kept == redacted) {
          kept = redacted.clone();
        }
        kept[i] = parameters[i];
      }
    }
    return kept;
  }

  /** {@code format} filled by {@code String.format} or {@code MessageFormat}; null when it cannot be. */
  private static String jdkFormatted(boolean printf, String format, Object[] parameters) {
    try {
      return printf ? String.format(format, parameters) : new MessageFormat(format).format(parameters);
    } catch (IllegalArgumentException unformattable) {
      return null; // IllegalFormatException too: the message keeps the text it has
    }
  }

  private static Object newMessage(Access members, String textOfMessage) {
    try {
      return (Object) members.newSimpleMessage.invokeExact((Object) textOfMessage);
    } catch (Throwable e) {
      return null; // the copy then keeps the original message: reported by the caller already
    }
  }

  /**
   * Where a message class keeps its parameters, read without {@code getParameters()}'s copy:
   * {@code ReusableParameterizedMessage} ({@code varargs}, else {@code params}) and the events that
   * are their own message ({@code parameters}), with {@code ReusableMessage#getParameterCount};
   * any other class through {@code getParameters()} ({@link #array} null). Also whether the class
   * is an {@code ObjectMessage} or {@code ObjectArrayMessage}, a message without a format whose
   * text {@link #rendered} makes of its parameters alone.
   */
  private static final class Parameters {
    private static final Parameters GENERAL = new Parameters(null, null, null, false, false);
    private static final Parameters OBJECT_MESSAGE = new Parameters(null, null, null, true, false);
    private static final Parameters PARAMETERIZED = new Parameters(null, null, null, false, true);

    final MethodHandle array;
    final MethodHandle fallback;
    final MethodHandle count;
    final boolean objectMessage;
    /** A {@code …ParameterizedMessage}, whose text {@link #rendered} takes to be its format filled. */
    final boolean parameterized;

    private Parameters(
        MethodHandle array, MethodHandle fallback, MethodHandle count, boolean objectMessage,
        boolean parameterized) {
      this.array = array;
      this.fallback = fallback;
      this.count = count;
      this.objectMessage = objectMessage;
      this.parameterized = parameterized;
    }

    static Parameters of(Class<?> messageClass, Class<?> reusable, MethodHandle count) {
      String name = messageClass.getSimpleName();
      if (name.endsWith("ObjectMessage") || isObjectArrayMessage(messageClass)) {
        return OBJECT_MESSAGE;
      }
      boolean parameterized = name.endsWith("ParameterizedMessage");
      if (!reusable.isAssignableFrom(messageClass)) {
        return parameterized ? PARAMETERIZED : GENERAL;
      }
      try {
        switch (messageClass.getName()) {
          case "org.apache.logging.log4j.message.ReusableParameterizedMessage":
            return new Parameters(
                ReflectiveAccess.getter(ReflectiveAccess.field(messageClass, "varargs")),
                ReflectiveAccess.getter(ReflectiveAccess.field(messageClass, "params")),
                count,
                false,
                true);
          case MUTABLE_EVENT:
          case "org.apache.logging.log4j.core.async.RingBufferLogEvent":
            return new Parameters(
                ReflectiveAccess.getter(ReflectiveAccess.field(messageClass, "parameters")), null, count, false,
                false);
          default:
            return parameterized ? PARAMETERIZED : GENERAL;
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        return GENERAL;
      }
    }
  }

  /** The members reached from one event class, found once. */
  private static final class Access {
    String problem;
    Class<?> logEvent;
    Class<?> messageType;
    Class<?> readOnlyMap;
    MethodHandle getMessage;
    MethodHandle getContextData;
    MethodHandle getThrown;
    MethodHandle getMarker;
    MethodHandle getThreadName;
    MethodHandle getFormattedMessage;
    MethodHandle getParameters;
    MethodHandle getFormat;
    MethodHandle isEmpty;
    MethodHandle toMap;
    Class<?> formattable;
    MethodHandle formatTo;
    ClassValue<Parameters> parameters;
    /** Constructors and builder calls, all {@code (Object)Object} or {@code (Object, Object)Object}. */
    MethodHandle newSimpleMessage;
    MethodHandle newParameterizedMessage;
    MethodHandle newStringMap;
    MethodHandle newBuilder;
    MethodHandle setMessage;
    MethodHandle setContextData;
    MethodHandle setThrown;
    MethodHandle setThrownProxy;
    MethodHandle setThreadName;
    MethodHandle setMarker;
    Class<?> mapMessage;
    MethodHandle getMapData;
    MethodHandle newMapInstance;
    MethodHandle getContextStack;
    MethodHandle stackDepth;
    MethodHandle stackAsList;
    MethodHandle newContextStack;
    MethodHandle freezeStack;
    MethodHandle setContextStack;
    MethodHandle build;
    /**
     * A {@code MutableLogEvent}'s message slot, {@code (Object)Object} and {@code (Object,
     * Object)void}: {@link #builderWithMessage}; null for other event classes or where not found.
     */
    MethodHandle getMessageSlot;
    MethodHandle setMessageSlot;
    /** A {@code MutableLogEvent}'s thread name and marker slots, {@code (Object, Object)void}; else null. */
    MethodHandle setThreadNameSlot;
    MethodHandle setMarkerSlot;

    /** The handles of {@link #EVENT_READS}, in order. */
    MethodHandle[] eventReads() {
      return new MethodHandle[] {getMessage, getContextData, getThrown, getMarker, getThreadName};
    }

    /** The handles of {@link #MESSAGE_READS}, in order. */
    MethodHandle[] messageReads() {
      return new MethodHandle[] {formatTo, getFormattedMessage};
    }

    /** The handles of {@link #DATA_READS}, in order. */
    MethodHandle[] dataReads() {
      return new MethodHandle[] {isEmpty, toMap};
    }

    /** Binds the hot reads to this Log4j2's handles, if none are bound yet. */
    void bind() {
      if (problem != null) {
        return;
      }
      EVENT_READS.bind(logEvent, eventReads());
      if (formattable != null) {
        MESSAGE_READS.bind(new Class<?>[] {formattable, messageType}, messageReads());
      }
      DATA_READS.bind(readOnlyMap, dataReads());
    }

    Access(Class<?> type) {
      try {
        logEvent = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.core.LogEvent");
        messageType = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.Message");
        readOnlyMap = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.ReadOnlyStringMap");
        Class<?> stringMap = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.StringMap");
        Class<?> builderType = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.core.impl.Log4jLogEvent$Builder");
        Class<?> proxyType = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.core.impl.ThrowableProxy");
        MethodType read = MethodType.methodType(Object.class, Object.class);
        getMessage = ReflectiveAccess.handle(ReflectiveAccess.method(logEvent, "getMessage"), read);
        getContextData = ReflectiveAccess.handle(ReflectiveAccess.method(logEvent, "getContextData"), read);
        getThrown = ReflectiveAccess.handle(ReflectiveAccess.method(logEvent, "getThrown"), read);
        getMarker = ReflectiveAccess.handle(ReflectiveAccess.method(logEvent, "getMarker"), read);
        getThreadName = ReflectiveAccess.handle(ReflectiveAccess.method(logEvent, "getThreadName"), read);
        getFormattedMessage = ReflectiveAccess.handle(ReflectiveAccess.method(messageType, "getFormattedMessage"), read);
        getParameters = ReflectiveAccess.handle(ReflectiveAccess.method(messageType, "getParameters"), read);
        getFormat = ReflectiveAccess.handle(ReflectiveAccess.method(messageType, "getFormat"), read);
        isEmpty =
            ReflectiveAccess.handle(
                ReflectiveAccess.method(readOnlyMap, "isEmpty"), MethodType.methodType(boolean.class, Object.class));
        toMap = ReflectiveAccess.handle(ReflectiveAccess.method(readOnlyMap, "toMap"), read);
        try {
          formattable = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.StringBuilderFormattable");
          formatTo =
              ReflectiveAccess.handle(
                  ReflectiveAccess.method(formattable, "formatTo", StringBuilder.class),
                  MethodType.methodType(void.class, Object.class, StringBuilder.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
          formattable = null; // format to a String instead
          formatTo = null;
        }
        Class<?> reusable = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.ReusableMessage");
        MethodHandle parameterCount =
            ReflectiveAccess.handle(
                ReflectiveAccess.method(reusable, "getParameterCount"), MethodType.methodType(int.class, Object.class));
        parameters =
            new ClassValue<>() {
              @Override
              protected Parameters computeValue(Class<?> messageClass) {
                return Parameters.of(messageClass, reusable, parameterCount);
              }
            };
        MethodType two = MethodType.methodType(Object.class, Object.class, Object.class);
        newSimpleMessage = ReflectiveAccess.constructor(
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.SimpleMessage"), read, String.class);
        newParameterizedMessage = ReflectiveAccess.constructor(
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.ParameterizedMessage"),
            two, String.class, Object[].class);
        newStringMap = ReflectiveAccess.constructor(
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.util.SortedArrayStringMap"), read, Map.class);
        newBuilder = ReflectiveAccess.constructor(builderType, read, logEvent);
        setMessage = ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "setMessage", messageType), two);
        setContextData =
            ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "setContextData", stringMap), two);
        setThrown = ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "setThrown", Throwable.class), two);
        setThrownProxy =
            ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "setThrownProxy", proxyType), two);
        build = ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "build"), read);
        setThreadName =
            ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "setThreadName", String.class), two);
        setMarker = ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "setMarker",
            ReflectiveAccess.sibling(type, "org.apache.logging.log4j.Marker")), two);
        mapMessage = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.message.MapMessage");
        getMapData = ReflectiveAccess.handle(ReflectiveAccess.method(mapMessage, "getData"), read);
        newMapInstance = ReflectiveAccess.handle(ReflectiveAccess.method(mapMessage, "newInstance", Map.class), two);
        Class<?> contextStack = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.ThreadContext$ContextStack");
        Class<?> mutableStack = ReflectiveAccess.sibling(type, "org.apache.logging.log4j.spi.MutableThreadContextStack");
        getContextStack = ReflectiveAccess.handle(ReflectiveAccess.method(logEvent, "getContextStack"), read);
        stackDepth = ReflectiveAccess.handle(
            ReflectiveAccess.method(contextStack, "getDepth"), MethodType.methodType(int.class, Object.class));
        stackAsList = ReflectiveAccess.handle(ReflectiveAccess.method(contextStack, "asList"), read);
        newContextStack = ReflectiveAccess.constructor(mutableStack, read, List.class);
        freezeStack = ReflectiveAccess.handle(
            ReflectiveAccess.method(mutableStack, "freeze"), MethodType.methodType(void.class, Object.class));
        setContextStack =
            ReflectiveAccess.handle(ReflectiveAccess.method(builderType, "setContextStack", contextStack), two);
        if (type.getName().equals(MUTABLE_EVENT)) {
          messageSlot(type);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
    }

    /** Finds {@link #getMessageSlot} and {@link #setMessageSlot}; leaves them null if it cannot. */
    private void messageSlot(Class<?> type) {
      try {
        java.lang.reflect.Field slot = ReflectiveAccess.field(type, "message");
        if (slot.getType() == messageType) {
          getMessageSlot = ReflectiveAccess.getter(slot);
          setMessageSlot = ReflectiveAccess.setter(slot)
              .asType(MethodType.methodType(void.class, Object.class, Object.class));
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        getMessageSlot = null; // the builder makes its memento, replaced by the redacted message
        setMessageSlot = null;
      }
      MethodType write = MethodType.methodType(void.class, Object.class, Object.class);
      try {
        setThreadNameSlot = ReflectiveAccess.setter(ReflectiveAccess.field(type, "threadName")).asType(write);
      } catch (ReflectiveOperationException | RuntimeException e) {
        setThreadNameSlot = null; // such events are copied when their thread name is redacted
      }
      try {
        setMarkerSlot = ReflectiveAccess.setter(ReflectiveAccess.field(type, "marker")).asType(write);
      } catch (ReflectiveOperationException | RuntimeException e) {
        setMarkerSlot = null; // such events are copied when their marker is redacted
      }
    }
  }
}

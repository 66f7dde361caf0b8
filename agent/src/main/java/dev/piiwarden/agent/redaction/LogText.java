package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.redaction.bridge.RedactedThrowable;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.agent.report.AgentReport;
import dev.piiwarden.core.redaction.ObjectRedaction;
import dev.piiwarden.core.redaction.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The redaction of the parts every log event has, whatever the framework: text, arguments, maps of
 * strings and exceptions. Each value is redacted once, so the counts say how many values were
 * replaced. Never throws on the application's data: the engine fails closed.
 */
final class LogText {
  private final Redactor redactor;
  private final ObjectRedaction objects;
  /** {@code redactor::redact}, made once rather than at each call, where it would be a new object each time. */
  private final UnaryOperator<String> redactMessage;
  /** {@link #unreadable}, made once as {@link #redactMessage} is. */
  private final Consumer<Throwable> tellUnreadable;

  LogText(Redactor redactor) {
    this.redactor = redactor;
    this.objects = new ObjectRedaction(redactor);
    this.redactMessage = redactor::redact;
    this.tellUnreadable = this::unreadable;
  }

  /** An object's log-safe rendering ({@link ObjectRedaction#render}). */
  String render(Object value) {
    return objects.render(value);
  }

  /** {@link ObjectRedaction#renderedMembers}: an annotated object's members as a rendering shows them. */
  Map<String, String> renderedMembers(Object value) {
    return objects.renderedMembers(value);
  }

  /** {@link ObjectRedaction#holdsPersonalMembers}. */
  boolean holdsPersonalMembers(Object value) {
    return objects.holdsPersonalMembers(value);
  }

  /** Counts a hook's contained failure, after which it wrote {@link Redactor#FAILED}. */
  void failed() {
    redactor.countFailure();
  }

  /** Free text; the same instance when nothing was found. */
  String text(String text) {
    return redactor.redact(text);
  }

  /**
   * An event's thread name redacted, or null when it holds nothing. The result for the name last
   * seen is kept in {@code depth} and given again for the same string instance without a scan: a
   * thread's events all carry its one name string, so a clean one costs an identity compare.
   */
  String threadName(String name, RedactionCallDepth depth) {
    if (depth.threadNameChecked(name)) {
      return depth.redactedThreadName();
    }
    String redacted = name == null ? null : redactor.redact(name);
    String out = redacted == name ? null : redacted;
    depth.threadNameChecked(name, out);
    return out;
  }

  /**
   * A message template with {@code {}} placeholders (Logback's unformatted message) redacted with
   * its placeholders kept: each text between them redacted on its own, so that no mask takes one
   * in (as {@code password={}} would). The same instance when nothing was found.
   */
  String template(String template) {
    int placeholder = template.indexOf("{}");
    if (placeholder < 0) {
      return redactor.redact(template);
    }
    if (redactor.shapes(template) == 0) {
      return template; // the common template, "order {} shipped to {}": one pass, no piece cut out
    }
    StringBuilder out = null;
    int from = 0;
    while (true) {
      int end = placeholder < 0 ? template.length() : placeholder;
      String piece = template.substring(from, end);
      String redacted = redactor.redact(piece);
      if (redacted != piece && out == null) {
        out = new StringBuilder(template.length() + 32).append(template, 0, from);
      }
      if (out != null) {
        out.append(redacted);
        if (placeholder >= 0) {
          out.append("{}");
        }
      }
      if (placeholder < 0) {
        return out == null ? template : out.toString();
      }
      from = placeholder + 2;
      placeholder = template.indexOf("{}", from);
    }
  }

  /**
   * Free text read in place (a framework's format buffer): the redacted text, or {@code null} when
   * nothing was found, so clean text costs no copy.
   */
  String textIfFound(CharSequence text) {
    return redactor.redactIfFound(text);
  }

  /**
   * Whether {@code text} (a formatted message) certainly holds nothing to replace, nor does any
   * part of it: see {@link Redactor#certainlyClean}.
   */
  boolean certainlyClean(CharSequence text) {
    return redactor.certainlyClean(text);
  }

  /** The shapes of {@code text}, 0 when it is {@linkplain #certainlyClean certainly clean}: {@link Redactor#shapes}. */
  int shapes(CharSequence text) {
    return redactor.shapes(text);
  }

  /**
   * A message rebuilt from one whose {@link #shapes} were {@code shapes} by putting its string
   * arguments' redactions ({@link #argument(Object)} of each) in their place, redacted as {@link
   * #text} does, without a scan where {@link Redactor#redactRebuilt} can tell it holds nothing.
   */
  String textRebuilt(String rebuilt, int shapes) {
    return redactor.redactRebuilt(rebuilt, shapes);
  }

  /**
   * Whether every argument is null or shows in a message as its own text (strings, numbers, ...):
   * formatting the message before redacting such arguments calls no application {@code toString}
   * that the redaction would not have called.
   */
  static boolean plain(Object[] arguments) {
    if (arguments != null) {
      for (Object argument : arguments) {
        if (argument != null && !isScalar(argument)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Log arguments, each redacted as {@link #arguments} does, given that {@code cleanMessage}, the
   * message they were formatted into, {@linkplain #certainlyClean certainly holds nothing}: a string
   * argument found whole in it holds nothing either, and is not scanned again. The same array when
   * no element changed.
   */
  Object[] argumentsOf(CharSequence cleanMessage, Object[] arguments) {
    if (arguments == null || arguments.length == 0) {
      return arguments;
    }
    Object[] redacted = null;
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      Object replacement = argument(argument, cleanMessage);
      if (replacement != argument) {
        if (redacted == null) {
          redacted = arguments.clone();
        }
        redacted[i] = replacement;
      }
    }
    return redacted == null ? arguments : redacted;
  }

  /**
   * Log arguments, each redacted as {@link #arguments} does, given that the first {@code parts} of
   * them are shown whole in a message whose {@link #shapes} were {@code shapes}: strings among those
   * are redacted as parts of it ({@link Redactor#redactPart}), without a filter pass of their own
   * where the message's shapes make one needless. The same array when no element changed.
   */
  Object[] argumentsIn(Object[] arguments, int parts, int shapes) {
    if (arguments == null || arguments.length == 0) {
      return arguments;
    }
    Object[] redacted = null;
    for (int i = 0; i < arguments.length; i++) {
      Object argument = arguments[i];
      Object replacement = i < parts ? part(argument, shapes) : argument(argument);
      if (replacement != argument) {
        if (redacted == null) {
          redacted = arguments.clone();
        }
        redacted[i] = replacement;
      }
    }
    return redacted == null ? arguments : redacted;
  }

  /**
   * Log arguments, each redacted: strings as text; numbers, booleans, characters and enums kept as
   * they are unless their text holds personal data; anything else (annotated objects,
   * collections, records, ...) by {@link ObjectRedaction}, whatever its {@code toString}. The same
   * array when no element changed.
   */
  Object[] arguments(Object[] arguments) {
    return argumentsIn(arguments, 0, -1);
  }

  /** One argument or value, as {@link #arguments} treats it. */
  Object argument(Object argument) {
    if (argument == null) {
      return null;
    }
    if (argument instanceof String) {
      return redactor.redact((String) argument);
    }
    if (isScalar(argument)) {
      String text = String.valueOf(argument);
      String redacted = redactor.redact(text);
      return redacted == text ? argument : redacted;
    }
    if (argument instanceof Throwable) {
      return thrown((Throwable) argument);
    }
    return objects.render(argument);
  }

  /**
   * The value of a key-value pair, as {@link #argument(Object)} redacts it, except that a string
   * or scalar under a key that names a credential is replaced whole ({@link Redactor#redactValue}).
   */
  Object value(String key, Object value) {
    if (value instanceof String || (value != null && isScalar(value))) {
      String text = value.toString();
      String redacted = redactor.redactValue(key, text);
      return redacted == text ? value : redacted;
    }
    return argument(value);
  }

  /**
   * One argument as {@link #argument(Object)} redacts it, except that a string found whole in
   * {@code cleanMessage}, when not null a message that {@linkplain #certainlyClean certainly holds
   * nothing}, holds nothing either and is returned as it is without a scan.
   */
  Object argument(Object argument, CharSequence cleanMessage) {
    if (cleanMessage != null && argument instanceof String && contains(cleanMessage, (String) argument)) {
      return argument;
    }
    return argument(argument);
  }

  /**
   * One argument as {@link #argument(Object)} redacts it, given that it is shown whole in a
   * message whose {@link #shapes} were {@code shapes}: a string is redacted as a part of it
   * ({@link Redactor#redactPart}).
   */
  Object part(Object argument, int shapes) {
    return argument instanceof String ? redactor.redactPart((String) argument, shapes) : argument(argument);
  }

  /**
   * Whether the arguments shown in a message whose {@link #shapes} were {@code shapes} are
   * redacted as {@linkplain #part parts} of it without a filter pass of their own: worth finding
   * out which they are ({@link PlaceholderFill#shown}) before redacting them.
   */
  boolean partsNeedNoFilter(int shapes) {
    return redactor.partsNeedNoFilter(shapes);
  }

  /**
   * A map's values redacted, each under its key ({@link Redactor#redactValue}: the whole value of a
   * credential key); the same map when none changed.
   */
  Map<String, String> values(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return map;
    }
    Map<String, String> redacted = null;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      String value = entry.getValue();
      String replacement = redactor.redactValue(entry.getKey(), value);
      if (replacement != value) {
        if (redacted == null) {
          redacted = new LinkedHashMap<>(map);
        }
        redacted.put(entry.getKey(), replacement);
      }
    }
    return redacted == null ? map : redacted;
  }

  /**
   * The exception, or a stand-in ({@link RedactedThrowable}) that shows each text of its chain
   * (message, localized message, {@code toString}) redacted, a text that cannot be read as {@link
   * Redactor#FAILED}.
   */
  Throwable thrown(Throwable thrown) {
    return RedactedThrowable.of(thrown, redactMessage, tellUnreadable);
  }

  /**
   * The stand-in of each exception in the chain of {@code thrown}, by identity of the original
   * ({@link RedactedThrowable#standIns}); empty when no text holds anything to replace and each
   * could be read.
   */
  Map<Throwable, Throwable> standIns(Throwable thrown) {
    return RedactedThrowable.standIns(thrown, redactMessage, tellUnreadable);
  }

  /**
   * A hook that could not redact the exception of an event at all: a stand-in that shows none of
   * its text ({@link RedactedThrowable#unredactable}), the failure counted.
   */
  Throwable unredactable(Throwable thrown) {
    redactor.countFailure();
    return RedactedThrowable.unredactable(thrown);
  }

  /**
   * An exception of the application's whose message, localized message, {@code toString} or cause
   * could not be read (its method threw): counted and said once, by type and place, never by its
   * message.
   */
  private void unreadable(Throwable failure) {
    redactor.countFailure();
    AgentReport.once(
        "redaction-failure-exception",
        "redaction of exception failed (" + AgentReport.describe(failure) + "); it was written as "
            + Redactor.FAILED + ", further failures are counted");
  }

  private static boolean contains(CharSequence text, String part) {
    return text instanceof String
        ? ((String) text).contains(part)
        : text instanceof StringBuilder && ((StringBuilder) text).indexOf(part) >= 0;
  }

  static boolean isScalar(Object value) {
    return value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Enum;
  }
}

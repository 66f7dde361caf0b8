package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.core.redaction.RedactionSettings;
import dev.piiwarden.core.redaction.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

/**
 * The hooks' shortcuts: when the formatted message certainly holds nothing, the string arguments
 * found whole in it are not scanned again; when an argument changed and the message is its
 * template filled with string arguments, the redacted ones are put into the message's text instead
 * of formatting it again ({@link PlaceholderFill}), and that text is scanned as before (the colon
 * of a mask no longer making it a credential candidate). Real Logback and Log4j2 events go through
 * the hooks' rewrites in this JVM and come out exactly as the long way (each argument redacted,
 * the message formatted from them, the whole text redacted) makes them, for arguments inside and
 * outside the message, personal or not, next to masks and templates' text, with and without user
 * patterns.
 */
class CleanMessageShortcutTest {
  private static final String EMAIL = "jane.doe@example.com";
  private static final String[] ARGUMENTS = {
    "A-10428", "warehouse north-2", EMAIL, "123456789", "4111 1111 1111 1111", "10.1.2.3", "x", "",
    "T-123", "+44 20 7946 0958", "north", "2024", "tel", "ssn", "password", "=", "DE89", "bearer",
    "web", "bear", "DE", "ending in DE", "[REDACTED", ":x", "%", "%4", "0", "1.2.3", "Bearer", "{}",
    "jane.doe@example.com, bob@example.org", "[REDACTED:email]", "er secret-token-1", "89 3704 0044",
  };
  private static final String[] TEMPLATES = {
    "order {} shipped to {}", "{}", "ssn {}", "{} {}", "tel {} {}", "id {}{}", "{}=secret {}",
    "nothing to fill", "pwd:{} at {}", "order {} {} {}", "\\{} {}",
    "Order {} for {} done", "{} and then {}", "sent {} to {} now", "[REDACTED{} x", "{} earer {}",
    "{} arer {} , {}", "IBAN {} ok", "card {} and {} more", "{} 40 euros", "{}, then {{}}",
  };

  private final RedactionCallDepth depth = RedactionCallDepth.current();
  private final LoggerContext context = logbackContext();

  @AfterEach
  void forgetCopies() {
    depth.copied(null, null, null);
  }

  @Test
  void cleanLogbackEventIsLeftAsItIs() {
    LogText text = new LogText(Redactor.withDefaults());
    Object[] arguments = {"A-10428", "warehouse north-2"};
    LoggingEvent event = logbackEvent("order {} shipped to {}", arguments);
    String formatted = event.getFormattedMessage();
    String out = new LogbackEventRewrite(text).redact(event, null, depth);
    assertSame(formatted, out);
    assertSame(formatted, event.getFormattedMessage());
    assertSame(arguments, event.getArgumentArray());
  }

  @Test
  void personalArgumentOutsideACleanMessageIsStillRedacted() {
    LogText text = new LogText(Redactor.withDefaults());
    LoggingEvent event = logbackEvent("order {} shipped", "A-10428", EMAIL);
    String out = new LogbackEventRewrite(text).redact(event, null, depth);
    assertEquals("order A-10428 shipped", out);
    assertArrayEquals(new Object[] {"A-10428", "[REDACTED:email]"}, event.getArgumentArray());
  }

  @Test
  void logbackEventsComeOutAsTheLongWayMakesThem() {
    for (Redactor redactor : redactors()) {
      LogText text = new LogText(redactor);
      LogbackEventRewrite rewrite = new LogbackEventRewrite(text);
      for (Object[] call : calls()) {
        String template = (String) call[0];
        Object[] arguments = (Object[]) call[1];
        Object[] expectedArguments = text.arguments(arguments.clone());
        String expected =
            text.text(MessageFormatter.arrayFormat(template, expectedArguments).getMessage());
        LoggingEvent event = logbackEvent(template, arguments.clone());
        String what = template + " " + java.util.Arrays.toString(arguments);
        assertEquals(expected, rewrite.redact(event, null, depth), what);
        assertEquals(expected, event.getFormattedMessage(), what);
        assertArrayEquals(expectedArguments, event.getArgumentArray(), what);
      }
    }
  }

  @Test
  void log4jEventsComeOutAsTheLongWayMakesThem() {
    for (Redactor redactor : redactors()) {
      LogText text = new LogText(redactor);
      Log4jEventRewrite rewrite = new Log4jEventRewrite(text);
      for (Object[] call : calls()) {
        String template = (String) call[0];
        Object[] arguments = (Object[]) call[1];
        Object[] copy = arguments.clone();
        Object[] expectedArguments = text.arguments(copy);
        String formatted = new ParameterizedMessage(template, copy).getFormattedMessage();
        String expected =
            text.text(new ParameterizedMessage(template, expectedArguments).getFormattedMessage());
        boolean changed = expectedArguments != copy || !expected.equals(formatted);
        String what = template + " " + java.util.Arrays.toString(arguments);
        // an immutable event with a ParameterizedMessage, and a reused one with a reusable message,
        // formatted in the thread's buffer
        Message reusable = ReusableMessageFactory.INSTANCE.newMessage(template, arguments.clone());
        MutableLogEvent mutable = new MutableLogEvent();
        mutable.setMessage(reusable);
        LogEvent[] events = {
          Log4jLogEvent.newBuilder().setLoggerName("test")
              .setLevel(org.apache.logging.log4j.Level.INFO)
              .setMessage(new ParameterizedMessage(template, arguments.clone())).build(),
          mutable,
        };
        for (LogEvent event : events) {
          Message own = event.getMessage();
          depth.enter();
          LogEvent out;
          try {
            out = (LogEvent) rewrite.redact(event, null, depth);
          } finally {
            depth.leave();
            depth.copied(null, null, null);
          }
          assertEquals(expected, out.getMessage().getFormattedMessage(), what);
          if (!changed || event == mutable) {
            assertSame(event, out, what);
          }
          if (event != mutable || !changed) {
            // an immutable event, which an application may hold, keeps its own message and text
            assertSame(own, event.getMessage(), what);
            assertEquals(formatted, event.getMessage().getFormattedMessage(), what);
          }
        }
        // a reusable event, redacted in place, is cleared for its next use as Log4j2 clears it:
        // the next message it carries shows as it is, not the redacted one before it
        mutable.clear();
        Message next = ReusableMessageFactory.INSTANCE.newMessage("order {} shipped", "A-10428");
        mutable.setMessage(next);
        assertEquals("order A-10428 shipped", mutable.getMessage().getFormattedMessage(), "after " + template);
        ReusableMessageFactory.release(next);
        ReusableMessageFactory.release(reusable);
      }
    }
  }

  /** Seeded calls from a vocabulary of clean and personal arguments and templates. */
  private static List<Object[]> calls() {
    Random random = new Random(11);
    List<Object[]> calls = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      Object[] arguments = new Object[random.nextInt(4)];
      for (int a = 0; a < arguments.length; a++) {
        int pick = random.nextInt(ARGUMENTS.length + 3);
        arguments[a] = pick < ARGUMENTS.length ? ARGUMENTS[pick]
            : pick == ARGUMENTS.length ? (Object) 4111111111111111L
            : pick == ARGUMENTS.length + 1 ? (Object) 42 : null;
      }
      calls.add(new Object[] {TEMPLATES[random.nextInt(TEMPLATES.length)], arguments});
    }
    // the calls the shortcut is for, and the ones at its edges, certainly among them
    calls.add(new Object[] {"order {} shipped to {}", new Object[] {"A-10428", "warehouse north-2"}});
    calls.add(new Object[] {"order {} shipped", new Object[] {"A-10428", EMAIL}});
    calls.add(new Object[] {"ssn {}", new Object[] {"123456789"}});
    calls.add(new Object[] {"order {}", new Object[] {"T-123"}});
    return calls;
  }

  /**
   * The benchmark's personal call puts the redacted argument into the event's own text: the text
   * is the template's filling, so no second formatting; a text that is not is formatted again.
   */
  @Test
  void theRedactedArgumentGoesIntoTheEventsOwnText() {
    String template = "order {} shipped to {}";
    Object[] personal = {"A-10428", EMAIL};
    String formatted = "order A-10428 shipped to " + EMAIL;
    assertTrue(PlaceholderFillTest.matches(template, formatted, personal, 2, true));
    assertEquals("order A-10428 shipped to [REDACTED:email]",
        PlaceholderFillTest.refill(template, formatted, personal, new Object[] {"A-10428", "[REDACTED:email]"}, 2, false));
    LogText text = new LogText(Redactor.withDefaults());
    LoggingEvent event = logbackEvent(template, personal.clone());
    assertEquals("order A-10428 shipped to [REDACTED:email]", new LogbackEventRewrite(text).redact(event, null, depth));
    assertFalse(PlaceholderFillTest.matches(template, "order A-10428 shipped to someone", personal, 2, false));
  }

  private static List<Redactor> redactors() {
    Redactor defaults = Redactor.withDefaults();
    Redactor patterns = Redactor.create(RedactionSettings.builder().pattern("ticket", "T-[0-9]+").build());
    assertTrue(defaults.certainlyClean("order A-10428 shipped to warehouse north-2"));
    return List.of(defaults, patterns);
  }

  private LoggingEvent logbackEvent(String template, Object... arguments) {
    Logger logger = context.getLogger("test");
    return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, template, null, arguments);
  }

  private static LoggerContext logbackContext() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    return context;
  }
}

package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import dev.piiwarden.agent.redaction.bridge.RedactionCallDepth;
import dev.piiwarden.core.redaction.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * What a framework shows of a logged exception, taken from the exception the hooks give it: its
 * {@code toString} (what {@code printStackTrace} prints for it and each cause and suppressed
 * exception), its localized message and its message. Each is redacted whatever the application's
 * exception overrides, the frames are its own, and a text it cannot give is {@code
 * [REDACTION_FAILED]}, counted, never its raw text nor an exception into the logging call.
 */
class ExceptionTextTest {
  private static final String EMAIL = "jane.doe@example.com";
  private static final String CARD = "4111111111111111";

  private final Redactor redactor = Redactor.withDefaults();
  private final LogText text = new LogText(redactor);

  /** A clean message; the localized one names the customer. */
  static final class LookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LookupException() {
      super("lookup failed");
    }

    @Override
    public String getLocalizedMessage() {
      return "lookup failed for " + EMAIL;
    }
  }

  /** A clean message; it prints itself with the card number. */
  static final class CardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CardException() {
      super("payment declined");
    }

    @Override
    public String toString() {
      return "CardException: card " + CARD;
    }
  }

  /** Its message cannot be read: the failure's own message names the customer. */
  static final class UnreadableMessageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @Override
    public String getMessage() {
      throw new IllegalStateException("no message for " + EMAIL);
    }
  }

  /** A clean message and a cause that cannot be read. */
  static final class UnreadableCauseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableCauseException() {
      super("checkout failed");
    }

    @Override
    public synchronized Throwable getCause() {
      throw new IllegalStateException("no cause for " + EMAIL);
    }
  }

  @Test
  void aLocalizedMessageOverrideIsRedactedWhereverItShows() {
    LookupException thrown = new LookupException();
    Throwable shown = text.thrown(thrown);

    assertEquals("lookup failed", shown.getMessage());
    assertEquals("lookup failed for [REDACTED:email]", shown.getLocalizedMessage());
    assertEquals(LookupException.class.getName() + ": lookup failed for [REDACTED:email]", shown.toString());
    assertArrayEquals(thrown.getStackTrace(), shown.getStackTrace());
    assertEquals("lookup failed for " + EMAIL, thrown.getLocalizedMessage(), "the application's exception is unchanged");
  }

  @Test
  void aToStringOverrideIsPrintedRedacted() {
    Throwable shown = text.thrown(new CardException());

    assertEquals("CardException: card [REDACTED:card]", shown.toString());
    assertEquals("CardException: card [REDACTED:card]", firstLine(printed(shown)));
    assertEquals("payment declined", shown.getMessage());
  }

  @Test
  void causesAndSuppressedExceptionsArePrintedByTheirRedactedTexts() {
    RuntimeException thrown = new RuntimeException("checkout failed", new LookupException());
    thrown.addSuppressed(new CardException());

    String printed = printed(text.thrown(thrown));

    assertFalse(printed.contains(EMAIL), printed);
    assertFalse(printed.contains(CARD), printed);
    assertEquals("java.lang.RuntimeException: checkout failed", firstLine(printed));
    assertTrue(printed.contains("Caused by: " + LookupException.class.getName()
        + ": lookup failed for [REDACTED:email]"), printed);
    assertTrue(printed.contains("\tSuppressed: CardException: card [REDACTED:card]"), printed);
    assertTrue(printed.contains("\tat " + ExceptionTextTest.class.getName()
        + ".causesAndSuppressedExceptionsArePrintedByTheirRedactedTexts("), printed);
  }

  @Test
  void anExceptionWhoseMessageThrowsIsPrintedAsRedactionFailedAndCounted() {
    Throwable shown = text.thrown(new UnreadableMessageException());

    assertEquals(Redactor.FAILED, shown.getMessage());
    assertEquals(Redactor.FAILED, shown.getLocalizedMessage());
    assertEquals(UnreadableMessageException.class.getName() + ": " + Redactor.FAILED, firstLine(printed(shown)));
    assertEquals(1, redactor.counts().failures(), "one failure for the one exception");
  }

  @Test
  void aCauseThatCannotBeReadIsLeftOutAndCounted() {
    Throwable shown = text.thrown(new UnreadableCauseException());

    String printed = printed(shown);
    assertEquals(UnreadableCauseException.class.getName() + ": checkout failed", firstLine(printed));
    assertNull(shown.getCause());
    assertFalse(printed.contains(EMAIL), printed);
    assertEquals(1, redactor.counts().failures());
  }

  /**
   * Logback prints the class name and message its proxy read; an appender that reads the {@code
   * Throwable} from the proxy (Sentry's, OpenTelemetry's) prints what the stand-in gives.
   */
  @Test
  void aLogbackAppenderReadingTheThrowableGetsItsRedactedTexts() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    RuntimeException thrown = new RuntimeException("checkout failed", new LookupException());
    thrown.addSuppressed(new CardException());
    LoggingEvent event = new LoggingEvent(
        "fixture", context.getLogger("fixture"), Level.ERROR, "case=exception", thrown, null);

    new LogbackEventRewrite(text).redact(event, null, RedactionCallDepth.current());

    ThrowableProxy proxy = (ThrowableProxy) event.getThrowableProxy();
    assertNotSame(thrown, proxy.getThrowable());
    String printed = printed(proxy.getThrowable());
    assertFalse(printed.contains(EMAIL), printed);
    assertFalse(printed.contains(CARD), printed);
    assertEquals("lookup failed", proxy.getCause().getMessage());
    assertEquals("lookup failed for [REDACTED:email]",
        ((ThrowableProxy) proxy.getCause()).getThrowable().getLocalizedMessage());
  }

  @Test
  void anExceptionAHookCouldNotRedactShowsNoneOfItsText() {
    LookupException thrown = new LookupException();
    Throwable shown = text.unredactable(thrown);

    assertEquals(LookupException.class.getName() + ": " + Redactor.FAILED, shown.toString());
    assertEquals(Redactor.FAILED, shown.getLocalizedMessage());
    assertArrayEquals(thrown.getStackTrace(), shown.getStackTrace());
    assertEquals(1, redactor.counts().failures());
  }

  private static String printed(Throwable thrown) {
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static String firstLine(String text) {
    return text.substring(0, text.indexOf(System.lineSeparator()));
  }
}

package dev.piiwarden.agent.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@link PlaceholderFill} fills a template as the frameworks' own formatters do: on seeded random
 * templates without backslashes (placeholders next to each other, nested braces, more or fewer
 * placeholders than arguments) and string or null arguments, the text SLF4J's {@code
 * MessageFormatter} and Log4j2's {@code ParameterizedMessage} make is {@linkplain
 * PlaceholderFill#shown shown} to be their filling, and {@linkplain PlaceholderFill#rebuild
 * rebuilding} it with other arguments gives what they make of those.
 */
class PlaceholderFillTest {
  private static final String[] PIECES = {"{}", "{}", "{", "}", "{{}}", "a", "order ", " to ", "é", "[x]", ""};
  private static final String[] VALUES = {
    "A-10428", "", "{}", "jane.doe@example.com", "[REDACTED:email]", "x", "}", "{", "null", null,
  };

  @Test
  void fillsAsTheFrameworksDo() {
    Random random = new Random(23);
    int refilled = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder template = new StringBuilder();
      for (int k = random.nextInt(7); k > 0; k--) {
        template.append(PIECES[random.nextInt(PIECES.length)]);
      }
      Object[] arguments = values(random);
      Object[] redacted = arguments.clone();
      for (int k = 0; k < redacted.length; k++) {
        if (random.nextBoolean()) {
          redacted[k] = VALUES[random.nextInt(VALUES.length)];
        }
      }
      String pattern = template.toString();
      String slf4j = MessageFormatter.arrayFormat(pattern, arguments).getMessage();
      String log4j = new ParameterizedMessage(pattern, arguments.clone()).getFormattedMessage();
      String what = pattern + " " + java.util.Arrays.toString(arguments);
      assertEquals(slf4j, log4j, what);
      assertTrue(matches(pattern, slf4j, arguments, arguments.length, true), what);
      assertTrue(matches(pattern, new StringBuilder(log4j), arguments, arguments.length, true), what);
      String expected = MessageFormatter.arrayFormat(pattern, redacted).getMessage();
      assertEquals(expected, refill(pattern, slf4j, arguments, redacted, arguments.length, true), what);
      assertEquals(expected,
          refill(pattern, new StringBuilder(log4j), arguments, redacted, arguments.length, false), what);
      refilled++;
    }
    assertEquals(20_000, refilled);
  }

  @Test
  void leavesOtherMessagesToTheFramework() {
    Object[] arguments = {"A-10428", "north"};
    assertFalse(matches("order \\{} to {}", "order {} to A-10428", arguments, 2, false));
    assertFalse(matches("order {} to {}", "order 42 to north", new Object[] {42, "north"}, 2, false));
    assertFalse(matches("order {}", "order A-10428", new Object[] {"A-10428", 7}, 2, false));
    assertFalse(matches("order {} to {}", "order A-10428 to south", arguments, 2, false));
    assertFalse(matches("order {} to {}", "order A-10428 to northx", arguments, 2, false));
    assertTrue(matches("order {} to {}", "ORDER A-10428 TO north", arguments, 2, false));
    assertFalse(matches("order {} to {}", "ORDER A-10428 TO north", arguments, 2, true));
  }

  @Test
  void countsTheArgumentsItShows() {
    Object[] arguments = {"A-10428", "north", "4111 1111 1111 1111"};
    assertEquals(2, PlaceholderFill.shown("order {} to {}", "order A-10428 to north", arguments, 3, false));
    assertEquals(1, PlaceholderFill.shown("order {} to {}", "order A-10428 to {}", arguments, 1, true));
    assertEquals(0, PlaceholderFill.shown("nothing to fill", "nothing to fill", arguments, 3, true));
    assertEquals(-1, PlaceholderFill.shown("order {} to {}", "order A-10428 to south", arguments, 3, false));
    // the same template text in another instance is looked at anew, and a changed one is not mistaken for it
    String template = new String("order {} to {}");
    assertEquals(2, PlaceholderFill.shown(template, "order A-10428 to north", arguments, 3, false));
    assertEquals(-1, PlaceholderFill.shown(new String("order \\{} to {}"), "order {} to A-10428", arguments, 2, false));
    assertEquals("order A-10428 to [REDACTED:card]", PlaceholderFill.rebuild("{} {} to {}",
        "order A-10428 to 4111 1111 1111 1111", new Object[] {"order", "A-10428", "4111 1111 1111 1111"},
        new Object[] {"order", "A-10428", "[REDACTED:card]"}, 3));
  }

  /** Whether {@code formatted} is {@code template} filled with the first {@code count} arguments. */
  static boolean matches(
      String template, CharSequence formatted, Object[] arguments, int count, boolean wholeText) {
    return PlaceholderFill.shown(template, formatted, arguments, count, wholeText) >= 0;
  }

  /** {@code formatted} rebuilt with {@code redacted} where it is that filling, else null. */
  static String refill(String template, CharSequence formatted, Object[] arguments, Object[] redacted,
      int count, boolean wholeText) {
    return PlaceholderFill.rebuild(template, formatted, arguments, redacted,
        PlaceholderFill.shown(template, formatted, arguments, count, wholeText));
  }

  /**
   * {@link PlaceholderFill#spans} on the same random fillings, with some arguments' texts not
   * given (an object Log4j2 rendered): every span it finds is that argument's text, and with one
   * such argument at most it always finds them.
   */
  @Test
  void findsEachArgumentWhereTheFillingShowsIt() {
    Random random = new Random(29);
    int found = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder template = new StringBuilder();
      for (int k = random.nextInt(7); k > 0; k--) {
        template.append(PIECES[random.nextInt(PIECES.length)]);
      }
      Object[] arguments = values(random);
      String[] texts = new String[arguments.length];
      int unknown = 0;
      for (int k = 0; k < arguments.length; k++) {
        boolean known = random.nextInt(3) > 0;
        texts[k] = known ? String.valueOf(arguments[k]) : null;
        unknown += known ? 0 : 1;
      }
      String formatted = new ParameterizedMessage(template.toString(), arguments).getFormattedMessage();
      int[] spans = PlaceholderFill.spans(template.toString(), formatted, texts, arguments.length);
      String context = "template '" + template + "', text '" + formatted + "'";
      if (unknown <= 1) {
        assertTrue(spans != null, context);
      }
      if (spans != null) {
        found++;
        for (int k = 0; k < spans.length / 2; k++) {
          assertEquals(String.valueOf(arguments[k]), formatted.substring(spans[2 * k], spans[2 * k + 1]), context);
        }
      }
    }
    assertTrue(found > 15_000, "found " + found);
  }

  @Test
  void leavesAnUncertainPlaceUnfound() {
    // two objects side by side, or the text between them found again inside one
    assertEquals(null, PlaceholderFill.spans("{}{}", "ab", new String[] {null, null}, 2));
    assertEquals(null, PlaceholderFill.spans("{} and {}", "x and y and z", new String[] {null, null}, 2));
    int[] spans = PlaceholderFill.spans("{} and {}", "x and y and z", new String[] {null, "y and z"}, 2);
    assertEquals("x", "x and y and z".substring(spans[0], spans[1]));
    // not the filling of the template
    assertEquals(null, PlaceholderFill.spans("order {} shipped", "order 7 sent", new String[] {null}, 1));
  }

  private static Object[] values(Random random) {
    Object[] values = new Object[random.nextInt(4)];
    for (int k = 0; k < values.length; k++) {
      values[k] = VALUES[random.nextInt(VALUES.length)];
    }
    return values;
  }
}

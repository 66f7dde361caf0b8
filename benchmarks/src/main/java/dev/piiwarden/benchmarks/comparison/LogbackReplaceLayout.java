package dev.piiwarden.benchmarks.comparison;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

/**
 * Logback's own masking as a user configures it: a {@code PatternLayout} whose message goes
 * through {@code %replace(%msg){'regex', 'mask'}} with {@link UserRegexes#alternation()}, or, as
 * the floor, the same layout with a plain {@code %msg}.
 */
public final class LogbackReplaceLayout {
  private final PatternLayout layout;
  private final Logger logger;

  private LogbackReplaceLayout(String pattern) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    layout = new PatternLayout();
    layout.setContext(context);
    layout.setPattern(pattern);
    layout.start();
    if (!layout.isStarted()) {
      throw new IllegalStateException("Logback did not accept the pattern " + pattern);
    }
    logger = context.getLogger("bench");
  }

  /** {@code %replace} with the one alternation of every user pattern. */
  public static LogbackReplaceLayout replacing() {
    return new LogbackReplaceLayout(replacePattern());
  }

  /** {@code %replace(%msg){'<alternation>', '<mask>'}} as it would stand in {@code logback.xml}. */
  public static String replacePattern() {
    return "%replace(%msg){'" + quoted(UserRegexes.alternation()) + "', '" + quoted(UserRegexes.ALTERNATION_MASK)
        + "'}";
  }

  /** A plain {@code %msg}: what the layout costs without the replacement. */
  public static LogbackReplaceLayout plain() {
    return new LogbackReplaceLayout("%msg");
  }

  /** An event of {@code line} as a message without arguments, as a logging call makes it. */
  public ILoggingEvent event(String line) {
    return new LoggingEvent(Logger.FQCN, logger, Level.INFO, line, null, null);
  }

  public String layout(ILoggingEvent event) {
    return layout.doLayout(event);
  }

  /** The text of {@code line} through the layout. */
  public String apply(String line) {
    return layout(event(line));
  }

  /** The option as it goes between quotes: the patterns spell a quote {@code \\x27} instead. */
  private static String quoted(String option) {
    if (option.indexOf('\'') >= 0) {
      throw new IllegalArgumentException("a quote would end Logback's option: write it \\x27");
    }
    return option;
  }
}

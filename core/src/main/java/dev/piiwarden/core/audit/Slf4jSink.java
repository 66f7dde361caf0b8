package dev.piiwarden.core.audit;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The {@code slf4j:<logger>} sink: each record line is logged at INFO by the named SLF4J logger of
 * the application. Core has no dependency on SLF4J: the API is looked up in the given class loader
 * (the application's), and the sink is refused with a clear message when it is not there. The
 * logging backend decides durability, so {@link #sync} does nothing; the chain restarts at seq 1
 * with each start, as the sink cannot read back what it wrote.
 */
public final class Slf4jSink implements AuditSink {
  private static final String SUBSTITUTE_LOGGER = "org.slf4j.helpers.SubstituteLogger";
  private static final long BACKEND_WAIT_NANOS = 10_000_000_000L;

  private final String loggerName;
  private final MethodHandle info;
  private final Object logger;
  private OwnLineMarker ownLines = OwnLineMarker.NONE;
  private MethodHandle delegateNull;
  private int resumeAt;

  private Slf4jSink(String loggerName, Object logger, MethodHandle info, MethodHandle delegateNull) {
    this.loggerName = loggerName;
    this.logger = logger;
    this.info = info;
    this.delegateNull = delegateNull;
  }

  /**
   * The sink for this logger, SLF4J taken from {@code loader}.
   *
   * @throws AuditException when the SLF4J API is not on that class path
   */
  public static Slf4jSink forLogger(String loggerName, ClassLoader loader) {
    try {
      Class<?> factory = Class.forName("org.slf4j.LoggerFactory", true, loader);
      Class<?> loggerType = Class.forName("org.slf4j.Logger", true, loader);
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      Object logger = lookup
          .findStatic(factory, "getLogger", MethodType.methodType(loggerType, String.class))
          .invoke(loggerName);
      MethodHandle info =
          lookup.findVirtual(loggerType, "info", MethodType.methodType(void.class, String.class));
      MethodHandle delegateNull = logger.getClass().getName().equals(SUBSTITUTE_LOGGER)
          ? lookup.findVirtual(logger.getClass(), "isDelegateNull", MethodType.methodType(boolean.class))
          : null;
      return new Slf4jSink(loggerName, logger, info, delegateNull);
    } catch (ClassNotFoundException e) {
      throw new AuditException("piiwarden.audit.sink=slf4j:" + loggerName + " needs the SLF4J API"
          + " (org.slf4j:slf4j-api) on the application's class path; add it or choose another"
          + " sink", e);
    } catch (Throwable e) {
      throw new AuditException("piiwarden.audit.sink=slf4j:" + loggerName + ": cannot get the"
          + " logger (" + e + "); check the application's SLF4J set-up", e);
    }
  }

  /** Marks each line as the trail's own while it is logged; see {@link OwnLineMarker}. */
  Slf4jSink marking(OwnLineMarker marker) {
    this.ownLines = marker;
    return this;
  }

  @Override
  public Start open() {
    return Start.NEW;
  }

  @Override
  public void write(List<SealedRecord> batch) throws IOException {
    awaitBackend();
    // A retry gets the same batch: the lines logged before a failure are not logged twice.
    for (int i = resumeAt; i < batch.size(); i++) {
      String line = batch.get(i).line();
      boolean marked = ownLines.begin(line);
      try {
        info.invoke(logger, line);
      } catch (Throwable e) {
        resumeAt = i;
        throw new IOException("logger " + loggerName + " failed", e);
      } finally {
        if (marked) {
          ownLines.end();
        }
      }
    }
    resumeAt = 0;
  }

  /**
   * A logger taken while another thread was initialising SLF4J is a substitute that queues what it
   * is given until the backend is ready, and the initialising thread replays the queue later:
   * outside {@link OwnLineMarker}'s marking, so a log redactor would treat the trail's lines as the
   * application's. Waits for the backend instead (at most 10 s, then logs anyway).
   */
  private void awaitBackend() throws IOException {
    if (delegateNull == null) {
      return;
    }
    long deadline = System.nanoTime() + BACKEND_WAIT_NANOS;
    try {
      while ((boolean) delegateNull.invoke(logger) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      if (!(boolean) delegateNull.invoke(logger)) {
        delegateNull = null; // the backend is there for good
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while SLF4J was initialising", e);
    } catch (Throwable e) {
      throw new IOException("logger " + loggerName + " failed", e);
    }
  }

  @Override
  public void sync() {
    // The logging backend flushes as it is configured to.
  }

  @Override
  public void close() {
    // The logger belongs to the application.
  }

  @Override
  public String describe() {
    return "slf4j:" + loggerName;
  }
}

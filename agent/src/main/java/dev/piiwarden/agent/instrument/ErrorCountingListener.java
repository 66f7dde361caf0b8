package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.report.AgentReport;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Counts classes that could not be instrumented and classes that were; the first failure is
 * reported on stderr with the class name, later ones only counted.
 */
final class ErrorCountingListener extends AgentBuilder.Listener.Adapter {
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong transformed = new AtomicLong();

  @Override
  public void onTransformation(
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      boolean loaded,
      DynamicType dynamicType) {
    transformed.incrementAndGet();
  }

  @Override
  public void onError(
      String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable error) {
    long count = errors.incrementAndGet();
    AgentReport.once(
        "transform-error",
        "could not instrument "
            + typeName
            + " ("
            + AgentReport.describe(error)
            + "); its consent checks are not enforced. Further failures are counted"
            + (count > 1 ? " (" + count + " so far)" : ""));
  }

  long errors() {
    return errors.get();
  }

  long transformed() {
    return transformed.get();
  }
}

package dev.piiwarden.processor.flow;

import com.sun.source.util.JavacTask;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * Finds javac's {@link JavacTask} behind a processing environment. Build tools may hand the
 * processor a wrapper (Gradle's incremental-processing environment, IntelliJ's proxy); those are
 * unwrapped by looking for the {@code ProcessingEnvironment} they delegate to. The caller keeps
 * using the wrapper for the Filer and Messager, so the tool still sees what is written.
 */
public final class JavacTaskLocator {
  private static final int MAX_WRAPPERS = 4;

  private JavacTaskLocator() {}

  /** The task, or the reason there is none. */
  public record Located(JavacTask task, ProcessingEnvironment javacEnvironment, String reason) {}

  public static Located locate(ProcessingEnvironment environment) {
    ProcessingEnvironment candidate = environment;
    for (int depth = 0; depth <= MAX_WRAPPERS && candidate != null; depth++) {
      try {
        return new Located(JavacTask.instance(candidate), candidate, null);
      } catch (IllegalArgumentException | NoClassDefFoundError notJavac) {
        candidate = delegate(candidate);
      }
    }
    return new Located(null, null, "the compiler is not javac, or its processing environment ("
        + environment.getClass().getName() + ") does not lead to javac's");
  }

  private static ProcessingEnvironment delegate(ProcessingEnvironment wrapper) {
    Object holder = wrapper;
    if (Proxy.isProxyClass(wrapper.getClass())) {
      InvocationHandler handler = Proxy.getInvocationHandler(wrapper);
      holder = handler;
    }
    for (Class<?> type = holder.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (ProcessingEnvironment.class.isAssignableFrom(field.getType())) {
          try {
            field.setAccessible(true);
            Object inner = field.get(holder);
            if (inner instanceof ProcessingEnvironment env && inner != wrapper) {
              return env;
            }
          } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            return null; // a module that does not open the wrapper: degrade to declarations only
          }
        }
      }
    }
    return null;
  }
}

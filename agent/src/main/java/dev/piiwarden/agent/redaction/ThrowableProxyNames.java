package dev.piiwarden.agent.redaction;

import dev.piiwarden.agent.redaction.bridge.RedactedThrowable;
import java.lang.reflect.Field;

/**
 * Gives a Logback or Log4j2 throwable proxy built from a {@link RedactedThrowable} the class name of
 * the exception it stands in for, so layouts that print the proxy's name (Log4j2's {@code %xEx},
 * Logback's converters) show the original class.
 */
final class ThrowableProxyNames {
  private final ClassValue<Field> nameField =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          for (String name : new String[] {"name", "className"}) {
            try {
              Field field = ReflectiveAccess.field(type, name);
              if (field.getType() == String.class) {
                return field;
              }
            } catch (ReflectiveOperationException | RuntimeException e) {
              // try the next name
            }
          }
          return null;
        }
      };

  private final ClassValue<Field> throwableField =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          try {
            return ReflectiveAccess.field(type, "throwable");
          } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
          }
        }
      };

  /**
   * Names {@code proxy} after the exception it was built from, when that is a stand-in. A cause's
   * proxy is built with its parent as the first argument, so the proxy's own throwable decides.
   */
  void fix(Object proxy) throws IllegalAccessException {
    Field own = throwableField.get(proxy.getClass());
    Field name = nameField.get(proxy.getClass());
    if (own != null && name != null && own.get(proxy) instanceof RedactedThrowable) {
      name.set(proxy, ((RedactedThrowable) own.get(proxy)).originalClassName());
    }
  }
}

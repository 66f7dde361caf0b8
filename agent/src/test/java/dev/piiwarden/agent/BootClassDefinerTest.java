package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/**
 * Where the JDK refuses to let the agent reach its class definer, {@link BootClassDefiner} says so
 * and defines nothing, so that {@link BootstrapJar} appends the jar instead. (That it defines the
 * bridge where the JDK allows it, every fixture JVM of the agent's integration tests shows.)
 */
class BootClassDefinerTest {
  private static final String[] CLASSES = {"dev/piiwarden/agent/bootstrap/RenderBridge.class"};

  @Test
  void aRefusedModuleChangeIsFalseAndDefinesNothing() throws Exception {
    Instrumentation refusing = (Instrumentation) Proxy.newProxyInstance(
        Instrumentation.class.getClassLoader(), new Class<?>[] {Instrumentation.class},
        (proxy, method, arguments) -> {
          throw new UnsupportedOperationException(method.getName() + " is not supported here");
        });

    assertFalse(BootClassDefiner.define(refusing, CLASSES, BridgeJarFile.classFiles(CLASSES)));
    assertThrows(ClassNotFoundException.class,
        () -> Class.forName("dev.piiwarden.agent.bootstrap.RenderBridge", false, null));
  }
}

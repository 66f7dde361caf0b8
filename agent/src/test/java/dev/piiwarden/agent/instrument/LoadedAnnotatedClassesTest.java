package dev.piiwarden.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.acme.fixture.Newsletter;
import com.acme.fixture.inherited.CountingMailingService;
import com.acme.fixture.inherited.Mailing;
import com.acme.fixture.inherited.MailingService;
import com.acme.fixture.optional.OptionalBase;
import dev.piiwarden.agent.instrument.LoadedAnnotatedClasses.Finding;
import dev.piiwarden.annotations.ConsentRequired;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On attach, which loaded classes carry {@code @ConsentRequired}: by reflection, and by the class
 * file when reflection cannot resolve a method's types (an optional dependency that is absent).
 */
class LoadedAnnotatedClassesTest {
  private static final String OPTIONAL = "com.acme.fixture.optional.";

  @Test
  void reflectionDecidesWhereItCan() {
    assertEquals(Finding.CARRIES, LoadedAnnotatedClasses.find(Newsletter.class, ConsentRequired.class));
    assertEquals(Finding.NONE, LoadedAnnotatedClasses.find(OptionalBase.class, ConsentRequired.class));
  }

  /** A class with a supertype that carries the annotation is retransformed, the transformer decides. */
  @Test
  void aSupertypeThatCarriesTheAnnotationMakesACandidate() {
    Map<Class<?>, Finding> carriers = new HashMap<>();
    assertEquals(Finding.CARRIES,
        LoadedAnnotatedClasses.find(MailingService.class, ConsentRequired.class, carriers));
    assertEquals(Finding.CARRIES,
        LoadedAnnotatedClasses.find(CountingMailingService.class, ConsentRequired.class, carriers));
    assertEquals(Finding.NONE,
        LoadedAnnotatedClasses.find(OptionalBase.class, ConsentRequired.class, carriers));
    assertEquals(Finding.CARRIES, carriers.get(Mailing.class));
  }

  @Test
  void aClassThatReflectionCannotReadIsDecidedByItsClassFile() throws Exception {
    ClassLoader loader = new WithoutAbsentDependency(true);
    Class<?> plain = Class.forName(OPTIONAL + "OptionalFeature", false, loader);
    Class<?> guarded = Class.forName(OPTIONAL + "GuardedOptionalFeature", false, loader);
    assertThrows(NoClassDefFoundError.class, plain::getDeclaredMethods);
    assertThrows(NoClassDefFoundError.class, guarded::getDeclaredMethods);

    assertEquals(Finding.NONE, LoadedAnnotatedClasses.find(plain, ConsentRequired.class));
    assertEquals(Finding.CARRIES, LoadedAnnotatedClasses.find(guarded, ConsentRequired.class));
  }

  @Test
  void withoutItsClassFileSuchAClassIsUnknown() throws Exception {
    ClassLoader loader = new WithoutAbsentDependency(false);
    Class<?> plain = Class.forName(OPTIONAL + "OptionalFeature", false, loader);
    assertEquals(Finding.UNKNOWN, LoadedAnnotatedClasses.find(plain, ConsentRequired.class));
  }

  /**
   * Defines the optional fixture classes itself, from the test classes' files, but not {@code
   * AbsentDependency}; gives their class files as resources only when told to. Everything else
   * (the annotations among it) comes from the test's own loader.
   */
  private static final class WithoutAbsentDependency extends ClassLoader {
    private final boolean classFiles;

    WithoutAbsentDependency(boolean classFiles) {
      super(LoadedAnnotatedClassesTest.class.getClassLoader());
      this.classFiles = classFiles;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith(OPTIONAL)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        if (loaded != null) {
          return loaded;
        }
        if (name.endsWith(".AbsentDependency")) {
          throw new ClassNotFoundException(name);
        }
        byte[] bytes = classFile(name);
        return defineClass(name, bytes, 0, bytes.length);
      }
    }

    @Override
    public URL getResource(String name) {
      return name.startsWith(OPTIONAL.replace('.', '/')) && !classFiles ? null : super.getResource(name);
    }

    private byte[] classFile(String name) {
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

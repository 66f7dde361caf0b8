package dev.piiwarden.agent.instrument;

import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * The cheap class-loader filter that runs before any annotation matcher: only a loader that can
 * see {@code @ConsentRequired} can define a class that carries it. Answers are remembered per
 * loader.
 */
final class ApplicationLoaders implements ElementMatcher<ClassLoader> {
  private final String annotationResource;
  private final Map<ClassLoader, Boolean> seen = new WeakHashMap<>();

  /** @param annotationName the binary name of {@code ConsentRequired} */
  ApplicationLoaders(String annotationName) {
    this.annotationResource = annotationName.replace('.', '/') + ".class";
  }

  @Override
  public boolean matches(ClassLoader loader) {
    if (loader == null) {
      return false;
    }
    synchronized (seen) {
      Boolean known = seen.get(loader);
      if (known == null) {
        known = loader.getResource(annotationResource) != null;
        seen.put(loader, known);
      }
      return known;
    }
  }
}

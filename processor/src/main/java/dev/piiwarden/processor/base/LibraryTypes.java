package dev.piiwarden.processor.base;

import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds library types by canonical name, for names that are often on no class path (the sink
 * catalogue's). javac's {@link Elements#getTypeElement(CharSequence)} looks a name up in every
 * module it knows, so a name it does not find costs a search of each of the JDK's modules (several
 * milliseconds, cold). A compilation with no modules of its own sees every class path type and
 * every exported JDK type from the unnamed module, so there one look-up in that module answers.
 * A modular compilation, or a compiler without modules, is asked the usual way.
 */
public final class LibraryTypes {
  private final Elements elements;
  /** The unnamed module when the compilation has no named modules besides the JDK's; else null. */
  private final ModuleElement unnamed;

  public LibraryTypes(Elements elements) {
    this.elements = elements;
    this.unnamed = unnamedOnly(elements);
  }

  /** The type of this canonical name, or null when it is not on the compilation's class path. */
  public TypeElement find(String canonicalName) {
    return unnamed != null ? elements.getTypeElement(unnamed, canonicalName) : elements.getTypeElement(canonicalName);
  }

  private static ModuleElement unnamedOnly(Elements elements) {
    ModuleElement unnamed;
    try {
      unnamed = elements.getModuleElement("");
      if (unnamed == null || !unnamed.isUnnamed()) {
        return null;
      }
      for (ModuleElement module : elements.getAllModuleElements()) {
        String name = module.getQualifiedName().toString();
        if (!module.isUnnamed() && !name.startsWith("java.") && !name.startsWith("jdk.")) {
          return null; // a source module, or one on the module path: types may live there
        }
      }
    } catch (UnsupportedOperationException | IllegalArgumentException noModules) {
      return null; // a compiler or source level without modules
    }
    return unnamed;
  }
}

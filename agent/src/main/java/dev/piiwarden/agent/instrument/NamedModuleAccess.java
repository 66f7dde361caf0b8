package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ApplicationApi;
import dev.piiwarden.agent.report.AgentReport;
import java.lang.instrument.Instrumentation;
import java.lang.module.ModuleDescriptor;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * Opens the packages of an application's named modules that use PII Warden's annotations to PII
 * Warden: to the application's {@code dev.piiwarden.annotations} module, whose {@code
 * PersonalDataExport} reads the generated descriptors and annotated members, and to the agent,
 * whose log redaction and {@code PersonalDataExport.redact} read them too. A module that does not
 * open its packages (an ordinary {@code module-info.java}) would otherwise give an {@code
 * IllegalAccessException} for every annotated object: a log argument written as {@code
 * [REDACTION_FAILED]}, an export that fails.
 *
 * <p>Done once per module, when the first of its classes loads (on attach, for the modules of the
 * classes already loaded); nothing else is opened, and no package to any other module. Classes on
 * the class path (the unnamed module), open and automatic modules need nothing; a module that
 * neither reads {@code dev.piiwarden.annotations} nor holds it cannot carry the annotations.
 */
public final class NamedModuleAccess {
  private static final String ANNOTATIONS_PACKAGE = ApplicationApi.ANNOTATIONS_MODULE;

  private final Instrumentation instrumentation;
  private final Module agent = NamedModuleAccess.class.getModule();
  private final Set<Module> seen = Collections.synchronizedSet(
      Collections.newSetFromMap(new WeakHashMap<>()));

  public NamedModuleAccess(Instrumentation instrumentation) {
    this.instrumentation = instrumentation;
  }

  /**
   * Opens {@code module}'s packages to PII Warden if it uses the annotations and has not been
   * seen; cheap for a module already seen and for the unnamed module. Never throws: a module that
   * cannot be opened is reported once, and its annotated objects' reads fail as they did.
   */
  public void accept(Module module) {
    if (module == null || !module.isNamed() || !seen.add(module)) {
      return;
    }
    try {
      Map<String, Set<Module>> opens = opensNeeded(module);
      if (!opens.isEmpty() && instrumentation.isModifiableModule(module)) {
        instrumentation.redefineModule(module, Set.of(), Map.of(), opens, Set.of(), Map.of());
      }
    } catch (Throwable failure) {
      AgentReport.once(
          "module-open:" + module.getName(),
          "could not open the packages of module " + module.getName() + " to PII Warden ("
              + AgentReport.describe(failure) + "); its annotated objects are logged as "
              + "[REDACTION_FAILED] until each package with personal data is opened: start Java"
              + " with --add-opens " + module.getName() + "/<package>="
              + ApplicationApi.ANNOTATIONS_MODULE + ",ALL-UNNAMED");
    }
  }

  /** On attach: the modules of the classes already loaded. */
  public void acceptLoaded(Class<?>[] loaded) {
    ClassLoader platform = ClassLoader.getPlatformClassLoader();
    for (Class<?> type : loaded) {
      ClassLoader loader = type.getClassLoader();
      if (loader != null && loader != platform) {
        accept(type.getModule());
      }
    }
  }

  /** The packages of {@code module} to open, each to those of PII Warden's modules it is not open to. */
  Map<String, Set<Module>> opensNeeded(Module module) {
    ModuleDescriptor descriptor = module.getDescriptor();
    if (descriptor == null || descriptor.isOpen() || descriptor.isAutomatic()) {
      return Map.of();
    }
    Set<Module> readers = new LinkedHashSet<>();
    readers.add(agent);
    if (!module.getPackages().contains(ANNOTATIONS_PACKAGE)) {
      Module api = module.getLayer() == null ? null
          : module.getLayer().findModule(ApplicationApi.ANNOTATIONS_MODULE).orElse(null);
      if (api == null || !module.canRead(api)) {
        return Map.of(); // it cannot use the annotations
      }
      readers.add(api);
    }
    Map<String, Set<Module>> opens = new TreeMap<>();
    for (String name : module.getPackages()) {
      Set<Module> closed = new LinkedHashSet<>();
      for (Module reader : readers) {
        if (!module.isOpen(name, reader)) {
          closed.add(reader);
        }
      }
      if (!closed.isEmpty()) {
        opens.put(name, closed);
      }
    }
    return opens;
  }
}

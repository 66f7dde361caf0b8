package dev.piiwarden.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.annotations.PersonalData;
import java.io.File;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application on the module path: its entities' descriptors are read by {@code
 * dev.piiwarden.annotations} once the entities' package is exported to it, an entity referring to
 * another object needs the package opened, and the errors name the line to add.
 */
class ModulePathTest {
  private static final String EXPORTS = "exports com.acme.shop to dev.piiwarden.annotations;";

  @TempDir Path dir;

  @Test
  void anEntityPackageNotExportedToTheApiIsNamedWithTheExportToAdd() throws Exception {
    Throwable failure = assertThrows(InvocationTargetException.class, () -> export("", false)).getCause();
    assertInstanceOf(IllegalStateException.class, failure);
    assertTrue(failure.getMessage().contains("module com.acme.app does not export package com.acme.shop"
        + " to dev.piiwarden.annotations; add 'exports com.acme.shop to dev.piiwarden.annotations;'"
        + " to its module-info.java"), failure.getMessage());
  }

  @Test
  void anEntityPackageExportedToTheApiIsExported() throws Exception {
    assertEquals("[email=jane@example.com]", export(EXPORTS, false));
  }

  @Test
  void anEntityReferringToAnotherObjectNeedsItsPackageOpenedAndTheErrorSaysSo() throws Exception {
    Throwable failure =
        assertThrows(InvocationTargetException.class, () -> export(EXPORTS, true)).getCause();
    assertInstanceOf(IllegalStateException.class, failure);
    assertTrue(failure.getMessage().contains("PII Warden cannot read com.acme.shop.Customer.home"),
        failure.getMessage());
    assertTrue(failure.getMessage().contains("opens com.acme.shop to dev.piiwarden.annotations"),
        failure.getMessage());
    assertEquals("[email=jane@example.com, city=Berlin]",
        export("opens com.acme.shop to dev.piiwarden.annotations;", true));
  }

  @Test
  void aSinkOfALibraryOnTheModulePathIsFound() throws Exception {
    Path library = dir.resolve("slf4j");
    write(library.resolve("module-info.java"), "module org.slf4j { exports org.slf4j; }");
    write(library.resolve("org/slf4j/Logger.java"),
        "package org.slf4j; public interface Logger { void info(String format, Object argument); }");
    Path libraryClasses = Files.createDirectories(dir.resolve("slf4j-classes"));
    assertEquals("", compile(library, List.of("-proc:none", "-d", libraryClasses.toString()), false));
    Path src = dir.resolve("src");
    write(src.resolve("module-info.java"),
        "module com.acme.app { requires dev.piiwarden.annotations; requires org.slf4j; }");
    write(src.resolve("com/acme/shop/Customer.java"), """
        package com.acme.shop;
        import dev.piiwarden.annotations.*;
        public class Customer {
          @PersonalData(category = Category.USER_CONTACT_EMAIL, basis = LawfulBasis.CONTRACT)
          String email;
          void signedUp(org.slf4j.Logger log) { log.info("signed up: {}", email); }
        }
        """);
    String diagnostics = compile(src, List.of("--module-path", annotationsJar() + File.pathSeparator + libraryClasses,
        "-d", Files.createDirectories(dir.resolve("out")).toString()), true);
    assertTrue(diagnostics.contains("PW018") && diagnostics.contains("org.slf4j.Logger#info"), diagnostics);
  }

  /** The diagnostics of compiling every source under {@code src}, with the processor when {@code piiWarden}. */
  private static String compile(Path src, List<String> options, boolean piiWarden) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (var files = javac.getStandardFileManager(null, null, null);
        Stream<Path> sources = Files.walk(src)) {
      List<Path> java = sources.filter(p -> p.toString().endsWith(".java")).toList();
      var task = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(java));
      if (piiWarden) {
        task.setProcessors(List.of(new PiiWardenProcessor()));
      }
      boolean compiled = task.call();
      String text = diagnostics.getDiagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"));
      assertTrue(compiled, text);
      return text;
    }
  }

  /**
   * Compiles the module, with {@code shopLine} in its module-info and, when {@code nested}, a
   * reference from the customer to an address, with the processor, and runs its export in a
   * module layer of its own.
   */
  private Object export(String shopLine, boolean nested) throws Exception {
    Path api = annotationsJar();
    Path src = dir.resolve("src");
    write(src.resolve("module-info.java"), "module com.acme.app { requires dev.piiwarden.annotations;"
        + " exports com.acme.app; " + shopLine + " }");
    write(src.resolve("com/acme/shop/Customer.java"), """
        package com.acme.shop;
        import dev.piiwarden.annotations.*;
        public class Customer {
          @DataSubject private final String id = "c-1";
          @PersonalData(category = Category.USER_CONTACT_EMAIL, basis = LawfulBasis.CONTRACT)
          private final String email = "jane@example.com";
        %s}
        """.formatted(nested ? "private final Address home = new Address();\n" : ""));
    write(src.resolve("com/acme/shop/Address.java"), """
        package com.acme.shop;
        import dev.piiwarden.annotations.*;
        public class Address {
          @PersonalData(category = Category.USER_CONTACT_ADDRESS_CITY, basis = LawfulBasis.CONTRACT)
          private final String city = "Berlin";
        }
        """);
    write(src.resolve("com/acme/app/Export.java"), """
        package com.acme.app;
        public final class Export {
          public static String run() {
            StringBuilder text = new StringBuilder();
            for (var entry : dev.piiwarden.api.PersonalDataExport.export(new com.acme.shop.Customer())) {
              text.append(text.length() == 0 ? "" : ", ").append(entry.member()).append('=')
                  .append(entry.value());
            }
            return "[" + text + "]";
          }
        }
        """);
    Path out = Files.createDirectories(dir.resolve("out"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (var files = javac.getStandardFileManager(null, null, null);
        Stream<Path> sources = Files.walk(src)) {
      List<Path> java = sources.filter(p -> p.toString().endsWith(".java")).toList();
      var task = javac.getTask(null, files, null,
          List.of("--module-path", api.toString(), "-d", out.toString()), null,
          files.getJavaFileObjectsFromPaths(java));
      task.setProcessors(List.of(new PiiWardenProcessor()));
      assertTrue(task.call(), "the module compiles");
    }
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration()
        .resolve(ModuleFinder.of(out, api), ModuleFinder.of(), Set.of("com.acme.app"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    return layer.findLoader("com.acme.app").loadClass("com.acme.app.Export").getMethod("run").invoke(null);
  }

  /** The annotations' classes as a jar named as the build names it. */
  private Path annotationsJar() throws Exception {
    Path classes = Path.of(PersonalData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isRegularFile(classes)) {
      return classes;
    }
    Path jar = dir.resolve("piiwarden-annotations.jar");
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", "dev.piiwarden.annotations");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> entries = Files.walk(classes)) {
      for (Path entry : entries.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(entry).toString().replace('\\', '/')));
        Files.copy(entry, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}

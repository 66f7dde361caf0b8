package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.processor.PiiWardenProcessor;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** One "module": its sources compiled with the real compiler into its own folder, against others' classes. */
record StandaloneCompilation(Path classes, boolean success, String diagnostics) {
  static StandaloneCompilation run(Path sources, Path output, List<Path> dependencies) throws IOException {
    return run(sources, output, dependencies, true);
  }

  /** With {@code piiWarden} false, compiled as a third-party library is: without the processor. */
  static StandaloneCompilation run(Path sources, Path output, List<Path> dependencies, boolean piiWarden)
      throws IOException {
    return run(sources, output, dependencies, piiWarden, List.of());
  }

  /** With javac's {@code options} ({@code -Werror}) besides. */
  static StandaloneCompilation run(Path sources, Path output, List<Path> dependencies, boolean piiWarden,
      List<String> options) throws IOException {
    Path classes = Files.createDirectories(output.resolve("classes"));
    Path generated = Files.createDirectories(output.resolve("generated"));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, null, null)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<Path> classPath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classPath.add(Path.of(entry));
      }
      classPath.addAll(dependencies);
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      JavaCompiler.CompilationTask task = compiler.getTask(null, files, collector,
          piiWarden ? options : Stream.concat(Stream.of("-proc:none"), options.stream()).toList(), null,
          files.getJavaFileObjectsFromPaths(FlowPathsTest.javaFiles(sources)));
      if (piiWarden) {
        task.setProcessors(List.of(new PiiWardenProcessor()));
      }
      boolean success = task.call();
      String diagnostics = collector.getDiagnostics().stream().map(Object::toString).collect(Collectors.joining("\n"));
      return new StandaloneCompilation(classes, success, diagnostics);
    }
  }

  /**
   * Third-party libraries' sources compiled on their own, without the processor, then the
   * application's sources, with the fixtures' {@code Person} and {@code User}, against them with
   * it; the application's fragments merged. Both maps go from a file's path under its source
   * folder ({@code com/acme/Pages.java}) to its text.
   */
  static Inventory libraryAndApplication(Path dir, Map<String, String> libraries, Map<String, String> application)
      throws IOException {
    write(dir.resolve("libraries"), libraries);
    StandaloneCompilation compiled = run(dir.resolve("libraries"), dir.resolve("out-libraries"), List.of(), false);
    if (!compiled.success()) {
      throw new AssertionError(compiled.diagnostics());
    }
    write(dir.resolve("application"), application);
    write(dir.resolve("application"), Map.of(
        "com/acme/Person.java", FlowFixtures.person().getCharContent(true).toString(),
        "com/acme/User.java", FlowFixtures.user().getCharContent(true).toString()));
    StandaloneCompilation app = run(dir.resolve("application"), dir.resolve("out-application"), List.of(compiled.classes()));
    if (!app.success()) {
      throw new AssertionError(app.diagnostics());
    }
    return InventoryMerger.merge(InventoryInputs.readAll(List.of(app.classes()))).inventory();
  }

  private static void write(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue());
    }
  }
}

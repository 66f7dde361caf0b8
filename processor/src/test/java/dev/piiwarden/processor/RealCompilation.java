package dev.piiwarden.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * A compilation with the real javax.tools compiler into folders on disk, as Maven runs it: classes
 * and resources to {@code classes/}, generated sources to {@code generated/}.
 */
final class RealCompilation {
  final Path classes;
  final Path generated;
  final boolean success;
  final List<Diagnostic<? extends JavaFileObject>> diagnostics;

  private RealCompilation(Path classes, Path generated, boolean success,
      List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    this.classes = classes;
    this.generated = generated;
    this.success = success;
    this.diagnostics = diagnostics;
  }

  static RealCompilation run(Path output, List<Path> sources, List<String> options)
      throws IOException {
    return run(ToolProvider.getSystemJavaCompiler(), output, sources, options);
  }

  /** The same with another compiler (Eclipse's, for one). */
  static RealCompilation run(JavaCompiler compiler, Path output, List<Path> sources, List<String> options)
      throws IOException {
    Path classes = Files.createDirectories(output.resolve("classes"));
    Path generated = Files.createDirectories(output.resolve("generated"));
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, null, null)) {
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
      List<Path> classPath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        classPath.add(Path.of(entry));
      }
      classPath.add(classes);
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classPath);
      JavaCompiler.CompilationTask task = compiler.getTask(
          null, files, collector, options, null, files.getJavaFileObjectsFromPaths(sources));
      task.setProcessors(List.of(new PiiWardenProcessor()));
      boolean success = task.call();
      return new RealCompilation(classes, generated, success, List.copyOf(collector.getDiagnostics()));
    }
  }

  List<String> messages(Diagnostic.Kind kind) {
    return diagnostics.stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(null))
        .collect(Collectors.toList());
  }

  String all() {
    return diagnostics.stream().map(Object::toString).collect(Collectors.joining("\n"));
  }
}

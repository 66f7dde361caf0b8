package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.processor.PiiWardenProcessor;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** An application compiled on the spot with the real processor, as its build would. */
final class ProcessedSources {
  private ProcessedSources() {}

  /**
   * Writes {@code sources} (path below the source folder to text) into {@code folder/src} and
   * compiles them with javac and piiwarden-processor into {@code folder/classes} (descriptor
   * sources into {@code folder/generated}), with {@code options} besides those folders and {@code
   * --release 17}; fails the test on an error.
   */
  static Path compile(Path folder, Map<String, String> sources, List<String> options) throws Exception {
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = folder.resolve("src").resolve(source.getKey());
      Files.createDirectories(file.getParent());
      files.add(Files.writeString(file, source.getValue()).toFile());
    }
    Path classes = Files.createDirectories(folder.resolve("classes"));
    List<String> all = new ArrayList<>(options);
    all.addAll(List.of("-d", classes.toString(),
        "-s", Files.createDirectories(folder.resolve("generated")).toString(), "--release", "17"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(diagnostics, manager, null, all, null, manager.getJavaFileObjectsFromFiles(files));
      task.setProcessors(List.of(new PiiWardenProcessor()));
      assertTrue(task.call(), () -> "javac failed:\n" + diagnostics);
    }
    return classes;
  }
}

package dev.piiwarden.core.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Class files that refer to PII Warden annotations. The annotations have {@code RUNTIME} retention,
 * so a class file annotated with one names its type descriptor ({@code
 * Ldev/piiwarden/annotations/PersonalData;}) in its constant pool, as plain bytes: finding them tells
 * that piiwarden-processor had something to record, without parsing the class. A class that only
 * uses the annotation (reads it by reflection) names it too, so messages say that a class refers to
 * it, not that it carries it.
 */
public final class AnnotatedClasses {
  // Each gives the processor a data element or an activity to write; @DataSubject alone gives none.
  private static final List<String> ANNOTATIONS = List.of("PersonalData", "ProcessingActivity", "ConsentRequired");

  private AnnotatedClasses() {}

  /**
   * The first class file found referring to an annotation, and the annotation, as {@code
   * com/acme/User.class refers to @PersonalData}; empty when no class file under {@code folder}
   * refers to one, or it is no folder.
   *
   * @throws IOException when the folder cannot be searched or a class file read
   */
  public static Optional<String> firstIn(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      Iterator<Path> classFiles = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
          .sorted().iterator();
      while (classFiles.hasNext()) {
        Path classFile = classFiles.next();
        // ISO-8859-1 maps each byte to one char, so the descriptors are found as text.
        String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        for (String annotation : ANNOTATIONS) {
          if (bytes.contains("Ldev/piiwarden/annotations/" + annotation + ";")) {
            String relative = folder.relativize(classFile).toString().replace('\\', '/');
            return Optional.of(relative + " refers to @" + annotation);
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return Optional.empty();
  }
}

package dev.piiwarden.maven.input;

import dev.piiwarden.core.inventory.AnnotatedClasses;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryException;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.core.inventory.MergeResult;
import dev.piiwarden.core.inventory.UnanalysedTypes;
import dev.piiwarden.maven.ContentFreeCause;
import dev.piiwarden.maven.PluginMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The merged inventory of class folders, jars or inventory files, read and merged by core exactly as
 * {@code piiwarden inventory} does; merge conflicts and an input without fragments are warnings.
 *
 * @param inventory the merged inventory
 * @param processorNotRun one message per class folder whose classes carry PII Warden annotations but
 *     that holds no fragment: piiwarden-processor did not run there, so the inventory misses them
 */
public record ModuleInventory(Inventory inventory, List<String> processorNotRun) {
  /** Copies the messages. */
  public ModuleInventory {
    processorNotRun = List.copyOf(processorNotRun);
  }

  /**
   * Reads and merges the inputs in order.
   *
   * @param noFragments what to say when the inputs hold no fragment; null when it was said already
   * @param parallel whether the build is parallel, so that another module may still be writing a
   *     fragment that cannot be read
   * @throws MojoExecutionException with core's one-line message when an input cannot be used
   */
  public static ModuleInventory read(List<Path> inputs, Log log, NoFragments noFragments, boolean parallel)
      throws MojoExecutionException {
    return read(inputs, log, noFragments, parallel, null);
  }

  /**
   * As {@link #read(List, Log, NoFragments, boolean)}, for a module whose annotation processing is
   * turned off ({@code processingOff} names the setting; null when it is on): a class folder with
   * classes and no fragment is then one of {@link #processorNotRun}, whatever its classes carry,
   * since a class without annotations of its own may read another module's data.
   */
  public static ModuleInventory read(List<Path> inputs, Log log, NoFragments noFragments, boolean parallel,
      String processingOff) throws MojoExecutionException {
    List<InventoryFragment> fragments = new ArrayList<>();
    List<String> processorNotRun = new ArrayList<>();
    for (Path input : inputs) {
      List<InventoryFragment> read;
      try {
        read = InventoryInputs.read(input);
      } catch (InventoryException e) {
        throw ContentFreeCause.error(
            parallel ? PluginMessage.UNREADABLE_IN_PARALLEL_BUILD.format(e.getMessage()) : e.getMessage(), e);
      }
      if (read.isEmpty()) {
        Optional<String> annotated = annotatedClass(input);
        if (annotated.isPresent()) {
          processorNotRun.add(PluginMessage.PROCESSOR_DID_NOT_RUN.format(input, annotated.get()));
        } else if (processingOff != null && holdsClasses(input)) {
          processorNotRun.add(PluginMessage.PROCESSOR_TURNED_OFF.format(input, processingOff));
        }
      }
      fragments.addAll(read);
    }
    if (noFragments != null) {
      processorNotRun.forEach(log::warn);
      if (fragments.isEmpty() && processorNotRun.isEmpty()) {
        String names = inputs.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (noFragments == NoFragments.PROCESSOR_RAN) {
          log.info(PluginMessage.NO_PERSONAL_DATA.format(names));
        } else {
          log.warn(PluginMessage.NO_FRAGMENTS.format(names));
        }
      }
    }
    MergeResult result = InventoryMerger.merge(fragments);
    for (String conflict : result.conflicts()) {
      log.warn(PluginMessage.MERGE_CONFLICT.format(conflict));
    }
    String unanalysed = UnanalysedTypes.sentence(result.inventory().withoutBodyAnalysis());
    if (unanalysed != null && noFragments != null) { // null: the module's first goal said it
      log.warn(PluginMessage.WITHOUT_BODY_ANALYSIS.format(unanalysed));
    }
    return new ModuleInventory(result.inventory(), processorNotRun);
  }

  private static boolean holdsClasses(Path input) throws MojoExecutionException {
    if (!Files.isDirectory(input)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(input)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".class"));
    } catch (IOException | UncheckedIOException e) {
      throw ContentFreeCause.error(PluginMessage.CANNOT_SEARCH_CLASSES.format(input, e), e);
    }
  }

  private static Optional<String> annotatedClass(Path input) throws MojoExecutionException {
    try {
      return AnnotatedClasses.firstIn(input);
    } catch (IOException e) {
      throw ContentFreeCause.error(PluginMessage.CANNOT_SEARCH_CLASSES.format(input, e), e);
    }
  }

  /** Why inputs may hold no fragment, which decides what the build log says. */
  public enum NoFragments {
    /** piiwarden-processor is on the module's annotation processor path: no personal data declared. */
    PROCESSOR_RAN,
    /** The processor may not have run: advise adding it. */
    PROCESSOR_UNKNOWN
  }

  /**
   * Reads one inventory file, such as a baseline; one without fragments (a folder or jar) is a warning.
   *
   * @throws MojoExecutionException with core's one-line message when it cannot be used
   */
  public static Inventory readFile(Path file, String parameter, Log log) throws MojoExecutionException {
    List<InventoryFragment> fragments;
    try {
      fragments = InventoryInputs.read(file);
    } catch (InventoryException e) {
      throw ContentFreeCause.error(parameter + " " + e.getMessage(), e);
    }
    if (fragments.isEmpty()) {
      log.warn(PluginMessage.EMPTY_INPUT.format(parameter, file));
    }
    return InventoryMerger.merge(fragments).inventory();
  }
}

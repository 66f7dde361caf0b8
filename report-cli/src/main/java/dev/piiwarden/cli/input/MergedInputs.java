package dev.piiwarden.cli.input;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.inventory.AnnotatedClasses;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryFragment;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryKeys;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.core.inventory.MergeResult;
import dev.piiwarden.core.inventory.UnanalysedTypes;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The inventory of the PATH arguments that most commands take: every input read and merged, with
 * merge conflicts and a build without fragments reported as warnings.
 */
public final class MergedInputs {
  private MergedInputs() {}

  /**
   * Reads and merges the inputs, printing one warning line per problem that still leaves a usable
   * inventory.
   *
   * @throws dev.piiwarden.core.inventory.InventoryException when an input cannot be used
   */
  public static Inventory read(List<Path> paths, PrintWriter warnings) {
    return merged(paths, warnings, null);
  }

  /**
   * Reads and merges the inputs as {@link #read(List, PrintWriter, Taxonomy)} does for {@code
   * check}: a class folder or archive whose classes refer to PII Warden's annotations but that
   * holds no fragment (piiwarden-processor did not run) fails it, as a check that could not see the
   * code's personal data must not pass.
   *
   * @throws CommandFailure (exit 2) for such a folder or archive
   */
  public static Inventory readAllSeen(List<Path> paths, PrintWriter warnings, Taxonomy taxonomy) {
    return readAllSeen(paths, warnings, taxonomy, CliMessage.CHECK_UNSEEN);
  }

  /**
   * {@link #readAllSeen(List, PrintWriter, Taxonomy)} for another command than {@code check}, whose
   * {@code unseen} message (one {@code %s}, the folders and archives) says what it cannot do.
   */
  public static Inventory readAllSeen(List<Path> paths, PrintWriter warnings, Taxonomy taxonomy, CliMessage unseen) {
    return withKnownKeys(merged(paths, warnings, unseen), warnings, taxonomy);
  }

  private static Inventory merged(List<Path> paths, PrintWriter warnings, CliMessage unseenFailure) {
    List<InventoryFragment> fragments = new ArrayList<>();
    List<String> unseen = new ArrayList<>();
    for (Path path : paths) {
      List<InventoryFragment> read = InventoryInputs.read(path);
      Optional<String> annotated = read.isEmpty() ? annotatedClass(path) : Optional.empty();
      if (annotated.isPresent()) {
        warnings.println(CliMessage.PROCESSOR_DID_NOT_RUN.format(path, annotated.get()));
        unseen.add(path.toString());
      }
      fragments.addAll(read);
    }
    if (fragments.isEmpty() && unseen.isEmpty()) {
      String inputs = paths.stream().map(Path::toString).collect(Collectors.joining(", "));
      warnings.println(CliMessage.NO_FRAGMENTS.format(inputs));
    }
    if (unseenFailure != null && !unseen.isEmpty()) {
      warnings.flush();
      throw new CommandFailure(ExitCode.USAGE, null, unseenFailure, String.join(", ", unseen));
    }
    MergeResult result = InventoryMerger.merge(fragments);
    for (String conflict : result.conflicts()) {
      warnings.println(CliMessage.MERGE_CONFLICT.format(conflict));
    }
    String unanalysed = UnanalysedTypes.sentence(result.inventory().withoutBodyAnalysis());
    if (unanalysed != null) {
      warnings.println(CliMessage.WITHOUT_BODY_ANALYSIS.format(unanalysed));
    }
    warnings.flush();
    return result.inventory();
  }

  /**
   * Reads and merges the inputs as {@link #read(List, PrintWriter)} does, and warns of each category,
   * purpose or subject the taxonomy does not know (a hand-edited inventory file, say): policy rules
   * on its parent keys would silently not apply.
   */
  public static Inventory read(List<Path> paths, PrintWriter warnings, Taxonomy taxonomy) {
    return withKnownKeys(read(paths, warnings), warnings, taxonomy);
  }

  /**
   * A class of the folder or the {@code .jar}, {@code .war} or {@code .zip} {@code path} that refers
   * to an annotation, as {@link AnnotatedClasses#firstIn} says; an archive is searched as the folder
   * it packs, so a jar of classes compiled without the processor is told as their folder is.
   */
  private static Optional<String> annotatedClass(Path path) {
    try {
      if (!isArchive(path)) {
        return AnnotatedClasses.firstIn(path);
      }
      try (FileSystem archive = FileSystems.newFileSystem(path)) {
        return AnnotatedClasses.firstIn(archive.getPath("/"));
      }
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.CANNOT_SEARCH_CLASSES, path, ReportOutput.reason(e));
    }
  }

  /** The archives {@link InventoryInputs#read} reads fragments from. */
  private static boolean isArchive(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(path) && (name.endsWith(".jar") || name.endsWith(".war") || name.endsWith(".zip"));
  }

  private static Inventory withKnownKeys(Inventory inventory, PrintWriter warnings, Taxonomy taxonomy) {
    for (String problem : InventoryKeys.unknown(inventory, taxonomy)) {
      warnings.println(CliMessage.UNKNOWN_KEY.format(problem));
    }
    warnings.flush();
    return inventory;
  }

  /**
   * Warns, one line per activity with {@code message}, of the activities that read data elements the
   * inputs do not declare (a model in another module or a dependency): their categories are unknown.
   */
  public static void warnOfUnresolvedReads(Inventory inventory, CliMessage message, PrintWriter warnings) {
    RopaBuilder.unresolvedReads(inventory).forEach((activity, count) -> warnings.println(message.format(
        activity, count == 1 ? "1 data element" : count + " data elements", count == 1 ? "it" : "them")));
    warnings.flush();
  }
}

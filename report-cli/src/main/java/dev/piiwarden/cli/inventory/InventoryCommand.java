package dev.piiwarden.cli.inventory;

import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.config.ReportSetup;
import dev.piiwarden.cli.input.MergedInputs;
import dev.piiwarden.cli.output.NamedInput;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.inventory.Inventory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code piiwarden inventory PATH…}: merges inventory fragments into one inventory. */
@Command(
    name = "inventory",
    description = {
      "Merges the inventory fragments of class folders, jars and inventory files into one"
          + " inventory: every declared personal data element and the activities that process it.",
      "Merge conflicts are reported on stderr; the first declaration is kept."
    })
public final class InventoryCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description =
          "A class folder (e.g. target/classes), a .jar/.war/.zip, or a .json inventory.")
  private List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      converter = InventoryFormat.Converter.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private InventoryFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE instead of stdout; missing folders are created.")
  private Path out;

  @Option(
      names = "--taxonomy",
      paramLabel = "FILE",
      description = "A taxonomy extension whose keys the inputs may use (else they are warned of).")
  private Path taxonomy;

  @Override
  public Integer call() {
    ReportOutput.checkNotAnInput(out, inputs());
    Inventory inventory = MergedInputs.read(paths, spec.commandLine().getErr(), ReportSetup.taxonomy(taxonomy));
    ReportOutput.write(format.render(inventory), out, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  private List<NamedInput> inputs() {
    List<NamedInput> inputs = new ArrayList<>(NamedInput.each("input", paths));
    inputs.add(new NamedInput("--taxonomy", taxonomy));
    return inputs;
  }
}

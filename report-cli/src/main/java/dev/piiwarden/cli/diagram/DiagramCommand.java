package dev.piiwarden.cli.diagram;

import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.KeywordConverter;
import dev.piiwarden.cli.config.ReportSetup;
import dev.piiwarden.cli.input.MergedInputs;
import dev.piiwarden.cli.output.NamedInput;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.diagram.DataFlowDiagram;
import dev.piiwarden.core.report.diagram.DiagramFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code piiwarden diagram PATH…}: data categories to activities to sinks. */
@Command(
    name = "diagram",
    description = {
      "Draws the data flows of the inventory: data categories, the activities that read them (grouped"
          + " by class) and the sinks they reach. Special categories are flagged in red; large"
          + " inventories are collapsed (categories to their parent, classes to one node) to stay readable;"
          + " above 30 edges per column or 40 nodes, categories fold into a special and a non-special"
          + " node listing them, then packages to shorter prefixes."
    })
public final class DiagramCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "A class folder (e.g. target/classes), a .jar/.war/.zip, or a .json inventory.")
  private List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid", converter = FormatConverter.class,
      description = "mermaid or dot (default: ${DEFAULT-VALUE}).")
  private DiagramFormat format;

  @Option(names = "--detail", paramLabel = "LEVEL", defaultValue = "summary", converter = DetailConverter.class,
      description = "summary (collapsed to stay readable) or full (every category and activity; default: summary).")
  private Detail detail;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy extension (special categories).")
  private Path taxonomy;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout; missing folders are created.")
  private Path out;

  @Override
  public Integer call() {
    List<NamedInput> inputs = new ArrayList<>(NamedInput.each("input", paths));
    inputs.add(new NamedInput("--taxonomy", taxonomy));
    ReportOutput.checkNotAnInput(out, inputs);
    DataFlowDiagram limits = detail == Detail.FULL ? DataFlowDiagram.FULL : DataFlowDiagram.DEFAULT;
    var keys = ReportSetup.taxonomy(taxonomy);
    Inventory inventory = MergedInputs.read(paths, spec.commandLine().getErr(), keys);
    String text = format.render(limits.build(inventory, keys));
    ReportOutput.write(text, out, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  /** {@code --format} by lower-case name. */
  public static final class FormatConverter extends KeywordConverter<DiagramFormat> {
    /** For picocli. */
    public FormatConverter() {
      super(DiagramFormat.class);
    }
  }

  /** How much the diagram shows. */
  public enum Detail {
    /** Collapsed to stay within the edge and node budgets of {@link DataFlowDiagram#DEFAULT}. */
    SUMMARY,
    /** Every category and activity. */
    FULL
  }

  /** {@code --detail} by lower-case name. */
  public static final class DetailConverter extends KeywordConverter<Detail> {
    /** For picocli. */
    public DetailConverter() {
      super(Detail.class);
    }
  }
}

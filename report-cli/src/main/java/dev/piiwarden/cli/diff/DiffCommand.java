package dev.piiwarden.cli.diff;

import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.KeywordConverter;
import dev.piiwarden.cli.input.MergedInputs;
import dev.piiwarden.cli.output.NamedInput;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.report.diff.Change;
import dev.piiwarden.core.report.diff.ChangeKind;
import dev.piiwarden.core.report.diff.DiffFormat;
import dev.piiwarden.core.report.diff.InventoryDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code piiwarden diff BASE NEW}: what changed between two inventories. */
@Command(
    name = "diff",
    description = {
      "Lists the data elements, activities, flows and purposes added, removed or changed from BASE to"
          + " NEW. Exit 1 when a kind named by --fail-on changed, else 0."
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASE",
      description = "The inventory before: a class folder, a .jar/.war/.zip, or a .json inventory.")
  private Path base;

  @Parameters(index = "1", paramLabel = "NEW", description = "The inventory after, same kinds of input.")
  private Path next;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
      description = "text or json (default: ${DEFAULT-VALUE}).")
  private DiffFormat format;

  @Option(names = "--fail-on", paramLabel = "KINDS", converter = KindsConverter.class,
      description = "Comma-separated: elements, activities, flows, purposes, any. Exit 1 when one of them changed.")
  private Set<ChangeKind> failOn = Set.of();

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout; missing folders are created.")
  private Path out;

  @Override
  public Integer call() {
    ReportOutput.checkNotAnInput(out, List.of(new NamedInput("BASE", base), new NamedInput("NEW", next)));
    var err = spec.commandLine().getErr();
    List<Change> changes = InventoryDiff.compare(MergedInputs.read(List.of(base), err), MergedInputs.read(List.of(next), err));
    ReportOutput.write(format.render(changes), out, spec.commandLine().getOut());
    Set<ChangeKind> changed = InventoryDiff.kinds(changes);
    return changed.stream().anyMatch(failOn::contains) ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** {@code --format} by lower-case name. */
  public static final class FormatConverter extends KeywordConverter<DiffFormat> {
    /** For picocli. */
    public FormatConverter() {
      super(DiffFormat.class);
    }
  }

  /** {@code --fail-on elements,flows}: {@code any} is every kind. */
  public static final class KindsConverter implements ITypeConverter<Set<ChangeKind>> {
    @Override
    public Set<ChangeKind> convert(String value) {
      try {
        return ChangeKind.parseList(value);
      } catch (IllegalArgumentException unknown) {
        throw new TypeConversionException("expected a comma-separated list of elements, activities, flows,"
            + " purposes, any but found '" + unknown.getMessage() + "'");
      }
    }
  }
}

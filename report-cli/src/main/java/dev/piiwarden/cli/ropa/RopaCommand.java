package dev.piiwarden.cli.ropa;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.KeywordConverter;
import dev.piiwarden.cli.config.ReportSetup;
import dev.piiwarden.cli.config.StructuredFile;
import dev.piiwarden.cli.input.MergedInputs;
import dev.piiwarden.cli.output.NamedInput;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaConfigReader;
import dev.piiwarden.core.report.ropa.RopaFormat;
import dev.piiwarden.core.report.ropa.RopaRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code piiwarden ropa PATH…}: the records of processing activities (GDPR Art. 30(1)). */
@Command(
    name = "ropa",
    description = {
      "Writes the records of processing activities (GDPR Art. 30(1)) of the inventory: one entry per"
          + " processing activity with purposes, lawful basis, data subjects, personal data,"
          + " recipients, transfers, retention and security measures."
    })
public final class RopaCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "A class folder (e.g. target/classes), a .jar/.war/.zip, or a .json inventory.")
  private List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md", converter = FormatConverter.class,
      description = "md, html, csv or json (default: ${DEFAULT-VALUE}).")
  private RopaFormat format;

  @Option(names = "--controller", paramLabel = "NAME",
      description = "The controller's name (overrides the name in --config).")
  private String controller;

  @Option(names = "--config", paramLabel = "FILE",
      description = "JSON or YAML: controller, dpo, representative, recipients, transfers, defaultRetention, measures.")
  private Path config;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy extension for key names.")
  private Path taxonomy;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout; missing folders are created.")
  private Path out;

  @Override
  public Integer call() {
    List<NamedInput> inputs = new ArrayList<>(NamedInput.each("input", paths));
    inputs.add(new NamedInput("--config", config));
    inputs.add(new NamedInput("--taxonomy", taxonomy));
    ReportOutput.checkNotAnInput(out, inputs);
    RopaConfig settings = config == null ? RopaConfig.empty()
        : ReportSetup.read(() -> RopaConfigReader.read(StructuredFile.read(config, "--config"), config.toString()), "--config");
    if (controller != null) {
      settings = settings.withControllerName(controller);
    }
    var names = ReportSetup.taxonomy(taxonomy);
    // records that leave out annotated classes would tell an auditor there is no processing there
    Inventory inventory = MergedInputs.readAllSeen(paths, spec.commandLine().getErr(), names, CliMessage.ROPA_UNSEEN);
    MergedInputs.warnOfUnresolvedReads(inventory, CliMessage.ROPA_UNRESOLVED_READS, spec.commandLine().getErr());
    RopaConfig checked = settings;
    // Only a --config names activities, so only its entries can fail to match the inventory.
    RopaRecord record = ReportSetup.read(() -> RopaBuilder.build(inventory, names, checked), "--config " + config + ":");
    String text = format.render(record, settings);
    ReportOutput.write(text, out, spec.commandLine().getOut());
    return ExitCode.OK;
  }

  /** {@code --format} by lower-case name. */
  public static final class FormatConverter extends KeywordConverter<RopaFormat> {
    /** For picocli. */
    public FormatConverter() {
      super(RopaFormat.class);
    }
  }
}

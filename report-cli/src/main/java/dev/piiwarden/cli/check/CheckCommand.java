package dev.piiwarden.cli.check;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.KeywordConverter;
import dev.piiwarden.cli.config.ReportSetup;
import dev.piiwarden.cli.config.StructuredFile;
import dev.piiwarden.cli.input.MergedInputs;
import dev.piiwarden.cli.output.NamedInput;
import dev.piiwarden.cli.output.ReportOutput;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.policy.DefaultPolicy;
import dev.piiwarden.core.policy.Finding;
import dev.piiwarden.core.policy.FindingsFormat;
import dev.piiwarden.core.policy.Level;
import dev.piiwarden.core.policy.Policy;
import dev.piiwarden.core.policy.PolicyCheck;
import dev.piiwarden.core.policy.PolicyReader;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code piiwarden check PATH…}: the inventory against policy rules. */
@Command(
    name = "check",
    description = {
      "Checks the inventory against policy rules (--policy, else the built-in default policy) and"
          + " reports findings with file:line. Exit 1 on a finding of level error (or warning, with"
          + " --fail-on-warning), else 0."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "A class folder (e.g. target/classes), a .jar/.war/.zip, or a .json inventory.")
  private List<Path> paths;

  @Option(names = "--policy", paramLabel = "FILE",
      description = "Policy rules, JSON or YAML (.yaml/.yml). Default: the built-in policy.")
  private Path policyFile;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = FormatConverter.class,
      description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
  private FindingsFormat format;

  @Option(names = "--source-root", paramLabel = "DIR", defaultValue = "",
      description = "Prefix for the inventory's source paths, so locations are relative to the repository"
          + " root (e.g. src/main/java for GitHub code scanning).")
  private String sourceRoot;

  @Option(names = "--fail-on-warning", description = "Exit 1 on warnings too.")
  private boolean failOnWarning;

  @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy extension whose keys rules may name.")
  private Path taxonomy;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout; missing folders are created.")
  private Path out;

  @Override
  public Integer call() {
    List<NamedInput> inputs = new ArrayList<>(NamedInput.each("input", paths));
    inputs.add(new NamedInput("--policy", policyFile));
    inputs.add(new NamedInput("--taxonomy", taxonomy));
    ReportOutput.checkNotAnInput(out, inputs);
    Taxonomy keys = ReportSetup.taxonomy(taxonomy);
    Policy policy = policyFile == null ? DefaultPolicy.load(keys)
        : ReportSetup.read(() -> PolicyReader.read(StructuredFile.read(policyFile, "--policy"), policyFile.toString(), keys),
            "--policy");
    Inventory inventory = MergedInputs.readAllSeen(paths, spec.commandLine().getErr(), keys);
    MergedInputs.warnOfUnresolvedReads(inventory, CliMessage.CHECK_UNRESOLVED_READS, spec.commandLine().getErr());
    List<Finding> findings = PolicyCheck.run(policy, inventory, keys);
    String version = spec.root().version().length == 0 ? "unknown" : spec.root().version()[0].replace("piiwarden ", "");
    ReportOutput.write(format.render(policy, findings, sourceRoot, version), out, spec.commandLine().getOut());
    boolean failing = PolicyCheck.count(findings, Level.ERROR) > 0
        || (failOnWarning && PolicyCheck.count(findings, Level.WARNING) > 0);
    return failing ? ExitCode.FINDINGS : ExitCode.OK;
  }

  /** {@code --format} by lower-case name. */
  public static final class FormatConverter extends KeywordConverter<FindingsFormat> {
    /** For picocli. */
    public FormatConverter() {
      super(FindingsFormat.class);
    }
  }
}

package dev.piiwarden.cli;

import dev.piiwarden.cli.inventory.InventoryCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code piiwarden} command. A new command is a class in its own package, listed in
 * {@code subcommands} below; it inherits {@code --help}, {@code --version} and {@code --debug}.
 */
@Command(
    name = "piiwarden",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Inventories, reports, audit and consent tools for personal data (GDPR, CCPA).",
    footer = {
      "",
      "Exit codes: 0 success, 1 findings (check, diff, audit verify), 2 usage error or bad input,"
          + " 3 internal error."
    },
    subcommands = {InventoryCommand.class, dev.piiwarden.cli.consent.ConsentCommand.class, dev.piiwarden.cli.audit.AuditCommand.class, dev.piiwarden.cli.redact.RedactCommand.class, dev.piiwarden.cli.ropa.RopaCommand.class, dev.piiwarden.cli.diagram.DiagramCommand.class, dev.piiwarden.cli.diff.DiffCommand.class, dev.piiwarden.cli.check.CheckCommand.class, HelpCommand.class})
public final class PiiWardenCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  // Read through the parse result by DebugSwitch; the field only declares the option.
  @Option(
      names = DebugSwitch.OPTION,
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure (also PIIWARDEN_DEBUG=1).")
  private boolean debug;

  /** A command line that writes to {@code out} and {@code err} and reports failures in one line. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, DebugSwitch debug) {
    ErrorReporter errors = new ErrorReporter(debug);
    CommandLine commandLine = new CommandLine(new PiiWardenCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setExecutionExceptionHandler(errors);
    return commandLine;
  }

  /** Without a command there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    String commands = String.join(", ", spec.subcommands().keySet());
    throw new CommandFailure(
        ExitCode.USAGE, null, CliMessage.MISSING_COMMAND, commands, spec.qualifiedName());
  }
}

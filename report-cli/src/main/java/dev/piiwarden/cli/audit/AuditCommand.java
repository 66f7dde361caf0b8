package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code piiwarden audit verify|query}: the auditor's side of the agent's audit trail. */
@Command(
    name = "audit",
    description = {
      "Checks an audit trail's hash chain, and lists the events about one data subject.",
      "FILE… are the trail's files; rotated files are put in rotation order (name.1.jsonl,"
          + " name.2.jsonl, …, then name.jsonl). In their place, the jdbc: URL that"
          + " piiwarden.audit.sink names reads its table piiwarden_audit, row by row in seq order."
    },
    subcommands = {AuditVerifyCommand.class, AuditQueryCommand.class})
public final class AuditCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Without verify or query there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    String commands = String.join(", ", spec.subcommands().keySet());
    throw new CommandFailure(
        ExitCode.USAGE, null, CliMessage.MISSING_COMMAND, commands, spec.qualifiedName());
  }
}

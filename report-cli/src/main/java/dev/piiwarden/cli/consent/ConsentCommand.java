package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code piiwarden consent grant|withdraw|list|verify}: the consent ledger the agent enforces, read and
 * written from the command line (a DPO recording a consent given on paper, a support desk
 * answering "what did I agree to?").
 */
@Command(
    name = "consent",
    description = {
      "Records grants and withdrawals in the consent ledger the agent enforces, and lists a"
          + " subject's history and current state, and checks the ledger against the audit trail.",
      "The store is a file: or jdbc: URI, the same value as the agent's piiwarden.consent.store."
    },
    subcommands = {
      ConsentGrantCommand.class, ConsentWithdrawCommand.class, ConsentListCommand.class,
      ConsentVerifyCommand.class
    })
public final class ConsentCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Without grant, withdraw or list there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    String commands = String.join(", ", spec.subcommands().keySet());
    throw new CommandFailure(
        ExitCode.USAGE, null, CliMessage.MISSING_COMMAND, commands, spec.qualifiedName());
  }
}

package dev.piiwarden.cli.consent;

import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.consent.ConsentDecision;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piiwarden consent list}: a subject's records, oldest first, and the current state of each
 * purpose they name, decided by the same rule the agent follows.
 */
@Command(
    name = "list",
    description =
        "Lists a subject's consent history and the current state of every purpose it names.")
public final class ConsentListCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;
  @Mixin private LedgerOptions ledgerOptions;

  @Option(names = "--subject", paramLabel = "ID", required = true, description = "The data subject's id.")
  private String subject;

  @Option(
      names = "--purpose",
      paramLabel = "P",
      description =
          "Also show the current state of this purpose, e.g. a child of a granted one; repeatable.")
  private List<String> purposes = List.of();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = ConsentListFormat.Converter.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private ConsentListFormat format;

  @Override
  public Integer call() throws IOException {
    String id = NonEmpty.subject(subject);
    Set<String> asked = new LinkedHashSet<>();
    for (String purpose : purposes) {
      asked.add(PurposeKeys.checked(purpose, ledgerOptions.taxonomy()));
    }
    ConsentListing listing;
    try (OpenLedger ledger = ledgerOptions.openForReading(spec.commandLine().getErr())) {
      listing =
          ledger.use(
              l -> {
                List<ConsentRecord> history = l.history(id);
                Set<String> named = new TreeSet<>(asked);
                history.forEach(record -> named.add(record.purpose()));
                List<ConsentDecision> current = new ArrayList<>();
                for (String purpose : named) {
                  current.add(l.decide(id, purpose));
                }
                return new ConsentListing(id, l.describeStore(), history, current);
              });
    }
    spec.commandLine().getOut().print(format.render(listing));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}

package dev.piiwarden.cli.audit;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.consent.NonEmpty;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditQuery;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piiwarden audit query FILE… --subject ID}: the events about one data subject, optionally
 * within a time window and of some types.
 */
@Command(
    name = "query",
    description = {
      "Lists the events about one data subject, for an access request (GDPR Art. 15): consent"
          + " decisions and changes, and accesses to their data.",
      "The id is pseudonymised with the audit key and matched against the trail's subjects; it"
          + " is never printed. A pseudonym (hmac: and 64 hex digits, as a ConsentDeniedException"
          + " or the trail gives it) is matched as it is. A trail that does not verify is queried"
          + " anyway, with a warning; one of which no record verifies with the key is refused"
          + " (exit 2): the key is not the trail's."
    })
public final class AuditQueryCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private TrailInput input;

  @Option(
      names = "--subject",
      paramLabel = "ID",
      required = true,
      description = "The data subject's id, as the application knows it, or its pseudonym"
          + " hmac:<64 hex digits>.")
  private String subject;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Only events at or after WHEN: an ISO date (2026-11-01, from the start of that"
          + " UTC day) or an ISO instant (2026-11-01T09:30:00Z).")
  private String since;

  @Option(
      names = "--until",
      paramLabel = "WHEN",
      description = "Only events before WHEN: an ISO instant, or an ISO date, which includes that"
          + " whole UTC day (--since 2026-11-01 --until 2026-11-30 is all of November).")
  private String until;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      split = ",",
      description = "Only events of these types (repeat or separate with commas): access,"
          + " consent.granted, consent.denied, consent.changed, …, or a family such as consent.")
  private List<String> types;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = QueryFormat.Converter.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private QueryFormat format;

  @Override
  public Integer call() {
    try {
      return query();
    } finally {
      input.close();
    }
  }

  private int query() {
    String subject = NonEmpty.of("--subject", this.subject); // as consent grant and withdraw take it
    EventFilter filter = EventFilter.of(since, until, types); // a typo is an error, not "0 events"
    List<Path> files = input.files();
    AuditKey key = input.key();
    AuditQuery query = new AuditQuery(key);
    VerificationReport check = TrailInput.badInputOnFailure(() -> new AuditVerifier(key).verify(files));
    if (!check.ok() && !TrailInput.badInputOnFailure(() -> query.anyRecordSealedWithKey(files))) {
      // "0 events" would read as "no records about this person": an access request's answer
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.AUDIT_QUERY_WRONG_KEY,
          input.described(files.size()), input.keyFile());
    }
    check.finding().ifPresent(finding -> spec.commandLine().getErr()
        .println(CliMessage.AUDIT_UNVERIFIED.format(input.describe(finding))));
    // a pseudonym as a ConsentDeniedException or the trail gives it is that subject already
    String pseudonym = Pseudonymizer.isPseudonym(subject) ? subject : new Pseudonymizer(key).pseudonym(subject);
    int[] untimed = new int[1];
    List<AuditQuery.Match> about = TrailInput.badInputOnFailure(() -> query.aboutPseudonym(files, pseudonym));
    List<AuditQuery.Match> matches = filter.keep(about, untimed);
    if (untimed[0] > 0) {
      spec.commandLine().getErr().println(CliMessage.AUDIT_QUERY_UNTIMED.format(untimed[0]));
    }
    if (about.isEmpty() && !Pseudonymizer.isPseudonym(subject)) {
      // "0 events" for an e-mail address would read as "nothing about this person"
      ContactShape.of(subject).ifPresent(shape -> spec.commandLine().getErr()
          .println(CliMessage.AUDIT_QUERY_CONTACT_SUBJECT.format(shape)));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(format == QueryFormat.JSON
        ? SubjectEvents.json(pseudonym, filter, matches)
        : SubjectEvents.table(pseudonym, filter, matches));
    out.flush();
    return ExitCode.OK;
  }
}

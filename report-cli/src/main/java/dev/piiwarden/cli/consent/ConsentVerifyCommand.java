package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.audit.TrailInput;
import dev.piiwarden.core.audit.AuditEventType;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditQuery;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.ConsentChangeEvents;
import dev.piiwarden.core.audit.Pseudonymizer;
import dev.piiwarden.core.audit.VerificationReport;
import dev.piiwarden.core.consent.ConsentStoreUri;
import dev.piiwarden.core.consent.LedgerFileContent;
import dev.piiwarden.core.consent.LedgerFileLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code piiwarden consent verify --store file:L FILE…|JDBC-URL [--key-file K]}: reconciles the
 * consent ledger, which is not tamper-evident, with the audit trail, which is. Every ledger record
 * must have its {@code consent.changed} event and every event its record, and per subject and
 * purpose the records must come in their events' order.
 */
@Command(
    name = "verify",
    description = {
      "Checks the consent ledger against the audit trail: first the trail's hash chain (as audit"
          + " verify), then that every ledger record has a consent.changed event with the same"
          + " subject pseudonym, purpose, state and time (recorded), and every event its record.",
      "Per subject and purpose, the ledger's records must also come in the order of their events"
          + " in the trail (by seq), since the last record in ledger order decides.",
      "Exit 0 when all match; exit 1 naming the records not in the trail (made without an audited"
          + " path, or edited or added by hand), the events not in the ledger (removed or"
          + " edited) and the lines out of the trail's order (reordered), or the trail's first bad"
          + " record. Only file: ledgers are read."
    })
public final class ConsentVerifyCommand implements Callable<Integer> {
  private static final String FILE = "file:";

  @Spec private CommandSpec spec;

  @Mixin private TrailInput input;

  @Option(
      names = "--store",
      paramLabel = "URI",
      required = true,
      description = "The consent ledger: file:<path>, the agent's piiwarden.consent.store.")
  private String store;

  @Override
  public Integer call() {
    try {
      return verify();
    } finally {
      input.close();
    }
  }

  private int verify() {
    Path ledgerFile = ledgerFile();
    List<Path> files = input.files();
    AuditKey key = input.key();
    VerificationReport check = TrailInput.badInputOnFailure(() -> new AuditVerifier(key).verify(files));
    AuditQuery query = new AuditQuery(key);
    if (!check.ok() && !TrailInput.badInputOnFailure(() -> query.anyRecordSealedWithKey(files))) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_VERIFY_WRONG_KEY,
          input.described(files.size()), input.keyFile());
    }
    PrintWriter out = spec.commandLine().getOut();
    check.notes().forEach(note -> out.println("note: " + input.note(note)));
    if (check.finding().isPresent()) {
      out.println(input.describe(check.finding().get()));
      out.println(CliMessage.CONSENT_VERIFY_TRAIL_BROKEN.format());
      out.flush();
      return ExitCode.FINDINGS;
    }
    LedgerFileLines.Content ledger = read(ledgerFile);
    Pseudonymizer pseudonymizer = new Pseudonymizer(key);
    List<LedgerTrailMatch.Entry> entries = new ArrayList<>();
    for (LedgerFileLines.Line line : ledger.records()) {
      entries.add(new LedgerTrailMatch.Entry(line.number(),
          pseudonymizer.pseudonym(line.record().subject()), line.record().purpose(),
          line.record().state().name(), line.record().time()));
    }
    List<LedgerTrailMatch.Event> events = new ArrayList<>();
    for (AuditQuery.Match match : TrailInput.badInputOnFailure(
        () -> query.ofType(files, AuditEventType.CONSENT_CHANGED))) {
      events.add(event(match));
    }
    LedgerTrailMatch.Result result = LedgerTrailMatch.of(entries, events);
    String shownLedger = ledgerFile.toString();
    for (long cutOff : ledger.cutOffLines()) {
      out.println("note: " + shownLedger + ":" + cutOff + ": cut off (a torn write, which confirmed"
          + " nothing): skipped, as the ledger skips it");
    }
    for (LedgerFileLines.Damaged damaged : ledger.damaged()) {
      out.println(shownLedger + ":" + damaged.number() + ": damaged (" + damaged.problem()
          + "): no record, so no event can match it; repair or remove the line (see"
          + " 'A damaged file: ledger' in core's README)");
    }
    for (LedgerTrailMatch.Entry entry : result.notInTrail()) {
      out.println(shownLedger + ":" + entry.line() + ": " + entry.pseudonym() + " " + entry.state()
          + " " + ConsentChangeEvents.redacted(entry.purpose()) + " at " + entry.time()
          + ": not in the trail: made without an audited path, or edited or added by hand");
    }
    for (LedgerTrailMatch.Event event : result.notInLedger()) {
      out.println(event.where() + ": " + event.pseudonym() + " " + event.state() + " "
          + event.purpose() + (event.recorded() != null ? " recorded " + event.recorded()
              : event.unreadable() ? " (recorded unreadable)" : " at " + event.ts()
                  + " (written without recorded)")
          + ": in the trail but not in the ledger: removed or edited");
    }
    for (LedgerTrailMatch.OutOfOrder group : result.outOfOrder()) {
      LedgerTrailMatch.Entry first = group.moved().get(0);
      String lines = String.join(", ", group.moved().stream().map(e -> String.valueOf(e.line())).toList());
      String seqs = String.join(", ", group.seqs().stream().map(String::valueOf).toList());
      out.println(shownLedger + ":" + first.line() + ": " + first.pseudonym() + " "
          + ConsentChangeEvents.redacted(first.purpose()) + ": lines " + lines + " are not in the"
          + " order of their consent.changed events (seq " + seqs + "): the ledger's order was"
          + " changed, and the last line decides, so the ledger now decides " + group.ledgerDecides()
          + (group.ledgerDecides().equals(group.trailDecides()) ? ", as the trail's order does"
              : " where the trail's order decides " + group.trailDecides())
          + "; put the lines back in the order of their events");
    }
    out.println(summary(result, ledger.damaged().size(), files.size()));
    out.flush();
    return result.allMatch() && ledger.damaged().isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
  }

  private String summary(LedgerTrailMatch.Result result, int damaged, int fileCount) {
    int matched = result.exact() + result.loose();
    String loosely = result.loose() == 0 ? "" : "; " + result.loose() + " of them loosely (events"
        + " written without recorded: by subject, purpose, state and a time within "
        + LedgerTrailMatch.LOOSE_WINDOW.toSeconds() + " s of the event's ts)";
    String trail = "the trail (" + input.described(fileCount) + ")";
    if (result.allMatch() && damaged == 0) {
      return "OK: " + plural(matched, "ledger record") + " of " + store + " match "
          + plural(matched, "consent.changed event") + " of " + trail + loosely;
    }
    List<String> parts = new ArrayList<>();
    if (!result.notInTrail().isEmpty()) {
      parts.add(plural(result.notInTrail().size(), "ledger record") + " not in the trail");
    }
    if (!result.notInLedger().isEmpty()) {
      parts.add(plural(result.notInLedger().size(), "consent.changed event") + " not in the ledger");
    }
    if (!result.outOfOrder().isEmpty()) {
      parts.add(plural(result.outOfOrder().stream().mapToInt(group -> group.moved().size()).sum(),
          "ledger record") + " out of the trail's order");
    }
    if (damaged > 0) {
      parts.add(plural(damaged, "damaged ledger line"));
    }
    return "FINDINGS: " + String.join(", ", parts) + "; " + matched + " matched between " + store
        + " and " + trail + loosely;
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** The {@code file:} ledger's path; any other store, or no ledger file there, is exit 2. */
  private Path ledgerFile() {
    String uri = NonEmpty.of("--store", store).strip();
    if (!uri.startsWith(FILE)) {
      ConsentStoreUri.problem(uri).ifPresent(problem -> {
        throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_BAD_STORE, problem);
      });
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_VERIFY_FILE_ONLY,
          uri.substring(0, uri.indexOf(':') + 1));
    }
    ConsentStoreUri.problem(uri).ifPresent(problem -> {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_BAD_STORE, problem);
    });
    Path file = Path.of(uri.substring(FILE.length()));
    if (!Files.isRegularFile(file)) {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_STORE_MISSING,
          "cannot read consent store " + uri + ": " + (Files.isDirectory(file) ? "it is a folder"
              : "the file does not exist"));
    }
    LedgerFileContent.problem(file).ifPresent(problem -> {
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.BAD_INPUT, problem);
    });
    return file;
  }

  private LedgerFileLines.Content read(Path file) {
    try {
      return LedgerFileLines.read(file);
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, "cannot read consent store "
          + store + " (" + e.getClass().getSimpleName() + "); check that the file is readable");
    }
  }

  private LedgerTrailMatch.Event event(AuditQuery.Match match) {
    Map<String, Object> fields = match.fields();
    String where = input.describe(match.file(), match.line()) + ": seq " + fields.get("seq");
    Object purposes = fields.get("purposes");
    String purpose = purposes instanceof List<?> list ? String.join(",",
        list.stream().map(String::valueOf).toList()) : String.valueOf(purposes);
    Object recordedField = fields.get(ConsentChangeEvents.RECORDED);
    Instant recorded = null;
    boolean unreadable = false;
    if (recordedField != null) {
      recorded = instant(recordedField);
      unreadable = recorded == null;
    }
    long seq = fields.get("seq") instanceof Number number ? number.longValue() : -1;
    return new LedgerTrailMatch.Event(where, seq, String.valueOf(fields.get("subject")), purpose,
        String.valueOf(fields.get("state")), recorded, instant(fields.get("ts")), unreadable);
  }

  private static Instant instant(Object value) {
    try {
      return value instanceof String text ? Instant.parse(text) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

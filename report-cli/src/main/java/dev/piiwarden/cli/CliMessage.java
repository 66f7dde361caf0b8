package dev.piiwarden.cli;

import dev.piiwarden.core.text.ShownPath;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Every message the CLI prints on stderr. Each is one line: what is wrong, naming the input or
 * option, then after {@code ;} what to do.
 */
public enum CliMessage {
  USAGE("%s; run '%s --help' for usage"),
  USAGE_WITH_SUGGESTION("%s; did you mean %s? run '%s --help' for usage"),
  MISSING_COMMAND("a command is required (%s); run '%s --help' for usage"),
  BAD_INPUT("%s"),
  CANNOT_WRITE_OUTPUT("cannot write %s (%s); pass an --out path in a writable folder"),
  OUT_IS_AN_INPUT(
      "--out %s is the same file as %s %s; pass another --out path, as writing the output would"
          + " overwrite that input"),
  EMPTY_OUT("--out names no file; give it a file name, or leave --out out to write to stdout"),
  NO_FRAGMENTS(
      "warning: no inventory fragments found in %s; compile the code with piiwarden-processor on"
          + " the maven-compiler-plugin annotationProcessorPaths, then run this again"),
  PROCESSOR_DID_NOT_RUN(
      "warning: %s holds classes that refer to PII Warden's annotations (%s) but no inventory fragments:"
          + " piiwarden-processor did not run when they were compiled; compile them with it on the"
          + " annotation processor path (the maven-compiler-plugin annotationProcessorPaths, no -proc:none),"
          + " then run this again"),
  CHECK_UNSEEN(
      "cannot pass a check of %s: piiwarden-processor did not see its annotated classes (the warning"
          + " above), so what they read and where it goes is unknown; compile them with it, then run"
          + " check again"),
  ROPA_UNSEEN(
      "cannot write records of processing for %s: piiwarden-processor did not see its annotated"
          + " classes (the warning above), so the records would leave out their processing; compile"
          + " them with it, then run ropa again"),
  CANNOT_SEARCH_CLASSES(
      "%s: cannot be searched for annotated classes (%s); check the folder's or the archive's"
          + " permissions"),
  MERGE_CONFLICT("warning: %s"),
  WITHOUT_BODY_ANALYSIS("warning: %s"),
  UNKNOWN_KEY("warning: %s"),
  ROPA_UNRESOLVED_READS(
      "warning: activity %s reads %s not in this inventory, so its record leaves %s out; pass the"
          + " classes of the modules or jars that declare %3$s too, or, when they are among the inputs,"
          + " build them again from clean (a fragment compiled before an annotation was removed is"
          + " stale)"),
  CHECK_UNRESOLVED_READS(
      "warning: activity %s reads %s not in the inputs, so no policy rule sees %s; pass the classes of"
          + " the modules or jars that declare %3$s too, or, when they are among the inputs, build them"
          + " again from clean (a fragment compiled before an annotation was removed is stale)"),
  CONSENT_MEMORY_STORE(
      "--store memory: keeps consent inside one process, so nothing recorded here would reach an"
          + " application; pass the store the agent uses (piiwarden.consent.store): file:<path> or"
          + " jdbc:<url>"),
  CONSENT_BAD_STORE("--store: %s; pass file:<path> or jdbc:<url>, the store named by piiwarden.consent.store"),
  CONSENT_STORE_MISSING(
      "%s; check the --store URI: list only reads a store, a first grant or withdraw creates it"),
  CONSENT_STORE_IS_THE_TRAIL(
      "%s and %s name the same file; keep the consent ledger and the audit trail in two files (the"
          + " agent's piiwarden.consent.store and piiwarden.audit.sink), nothing was recorded"),
  CONSENT_STORE_FAILED("%s; check that the store is reachable and writable, then run this again"),
  NO_JDBC_DRIVER(
      "%s; pass the driver's jar with --jdbc-driver JAR (e.g. org.xerial:sqlite-jdbc or"
          + " org.postgresql:postgresql from Maven Central)"),
  CONSENT_UNKNOWN_PURPOSE(
      "--purpose '%s' is not a purpose of the taxonomy%s; pass a purpose key, or name your"
          + " organisation's taxonomy extension with --taxonomy FILE"),
  CONSENT_EMPTY_OPTION("%s is empty; pass a value"),
  CONSENT_PSEUDONYM_SUBJECT("--subject is a pseudonym (hmac: and 64 hex digits, as the audit trail and"
      + " ConsentDeniedException show a subject), not a subject's id: the ledger keeps consent under the"
      + " id the application passes, so it would apply to no one; pass the subject's own id (audit query"
      + " --subject takes either)"),
  CONSENT_EXPIRED_ALREADY("--expires %s is not in the future; pass a later instant or a positive duration"),
  BAD_JDBC_DRIVER("--jdbc-driver %s: %s; pass a JDBC driver .jar file"),
  CONSENT_AUDIT_UNAVAILABLE(
      "--audit: %s; nothing was recorded: run this again once the trail can be written"),
  CONSENT_AUDIT_NOT_WRITTEN(
      "--audit: %s; the change WAS recorded in the store but its consent.changed event was not"
          + " written: do not record it again, tell the trail's auditor about it"),
  AUDIT_BAD_FILE(
      "audit file %s %s; pass the trail's files, e.g. piiwarden-audit.*.jsonl"
          + " piiwarden-audit.jsonl"),
  KEY_FILE_NOT_REGULAR(
      "audit key file %s is not a regular file (a device, a pipe or a socket), so it holds no key;"
          + " pass the key file itself with %s K"),
  KEY_FILE_IS_A_TRAIL(
      "%s %s is an audit trail file (it holds audit records), not an audit key file; pass the key"
          + " file the trail was written with, e.g. piiwarden-audit.key beside the trail, with %1$s K"),
  CONSENT_VERIFY_WRONG_KEY(
      "no record of the trail (%s) verifies with audit key file %s: it is not the trail's key, so"
          + " the ledger's subjects cannot be pseudonymised as the trail's events name them; give"
          + " the key file the trail was written with, --key-file K"),
  CONSENT_VERIFY_TRAIL_BROKEN(
      "the audit trail does not verify (above), so the ledger was not compared with it; run"
          + " 'piiwarden audit verify' on the same trail to see why"),
  CONSENT_VERIFY_FILE_ONLY(
      "--store: consent verify reads file: ledgers only, not %s stores; pass the file:<path> of the"
          + " ledger (the agent's piiwarden.consent.store)"),
  AUDIT_QUERY_WRONG_KEY(
      "no record of the trail (%s) verifies with audit key file %s: it is not the trail's key, and its"
          + " events cannot be matched to a subject with it; give the key file the trail was written"
          + " with, --key-file K"),
  AUDIT_BAD_ANCHOR(
      "--anchor '%s' is not SEQ:HASH; pass the last seq and hash of an earlier OK line, e.g."
          + " --anchor 48211:<its 64 hex digits>"),
  AUDIT_BAD_AFTER(
      "--after '%s' is not SEQ:HASH; pass the last seq and hash of the OK line of the files deleted, e.g."
          + " --after 158630:<its 64 hex digits>"),
  AUDIT_ANCHOR_DELETED(
      "--anchor seq %d is among the records deleted before seq %d (--after), which the files given do not"
          + " hold; pass the anchor an OK line of these files gave"),
  AUDIT_ANCHOR_AFTER_DISAGREE(
      "--anchor and --after name different hashes for seq %d: one of them is not this trail's; pass the"
          + " values its OK lines gave"),
  AUDIT_QUERY_BAD_TIME(
      "%s '%s' is neither a date nor an instant; pass an ISO date (2026-11-01, a whole UTC day) or"
          + " an ISO instant (2026-11-01T09:30:00Z)"),
  AUDIT_QUERY_EMPTY_WINDOW(
      "--since %s is not before --until %s, so no event could match; pass a --since earlier than"
          + " --until (a date as --until means the end of that day)"),
  AUDIT_QUERY_BAD_TYPE(
      "--type '%s' is not an audit event type; pass one or more of %s, or a family such as consent"
          + " (all consent.* events)"),
  AUDIT_QUERY_UNTIMED(
      "warning: %d events about the subject have no readable time (ts) and are left out by --since"
          + " and --until; 'piiwarden audit verify' on the same trail names the damage, a query"
          + " without --since and --until lists them"),
  AUDIT_QUERY_CONTACT_SUBJECT(
      "warning: no event is about --subject, which holds %s: the trail's subjects are the"
          + " application's own subject ids (as @DataSubject and the consent ledger hold them), not"
          + " contact details; look the subject's id up from the contact details first, then query"
          + " with that id"),
  AUDIT_UNVERIFIED(
      "warning: the trail does not verify (%s); the events below may be incomplete or altered,"
          + " run 'piiwarden audit verify' on the same trail"),
  REDACT_BAD_DETECTORS(
      "--detectors: %s; pass all, or a comma-separated list of email, phone, card, iban, ip, ssn,"
          + " credential (the values of piiwarden.redaction.detectors)"),
  REDACT_BAD_KEY(
      "--keys: key name '%s' may hold only ASCII letters, digits, '_' and '-'; pass key names"
          + " separated by commas, e.g. --keys member_code,vault_ref"),
  REDACT_BAD_PATTERN(
      "--pattern %s: %s; pass TYPE=REGEX, TYPE lower-case letters, digits, '.', '_' or '-', REGEX"
          + " in RE2J syntax (no back-references or look-around)"),
  REDACT_HASH_WITHOUT_KEY(
      "--style hash needs the audit key file and %s does not exist; pass the agent's key file"
          + " (piiwarden.audit.key-file) with --key-file K so tokens match the agent's, or make one"
          + " with 'head -c 32 /dev/urandom > K && chmod 600 K'"),
  REDACT_CANNOT_READ_INPUT("cannot read %s (%s); pass an --in file that exists and is readable"),
  REDACT_NOT_UTF8(
      "%s is %s text (%s), which read as UTF-8 would hide personal data from the"
          + " detectors; convert it to UTF-8 first, e.g. iconv -f %s -t UTF-8%s | piiwarden"
          + " redact"),
  REDACT_FAILURES(
      "warning: %d lines could not be redacted (%s) and were written as [REDACTION_FAILED]; this"
          + " is a bug in PII Warden, report it with this line"),
  OUT_OF_MEMORY(
      "out of memory: the input needs more than the Java heap's %d MB (a very long line or a very"
          + " large file), and what was written so far is incomplete; run again with a larger heap,"
          + " e.g. JAVA_OPTS=-Xmx4g piiwarden ..."),
  INTERNAL_ERROR(
      "internal error (%s); this is a bug in PII Warden: rerun with --debug or PIIWARDEN_DEBUG=1"
          + " for the stack trace and report it");

  private static final String PREFIX = "piiwarden: ";

  private final String template;

  CliMessage(String template) {
    this.template = template;
  }

  /** The message as the one line printed on stderr, line breaks in arguments flattened. */
  public String format(Object... args) {
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof Path path) {
        // a folder or file named after a person (reports/jane.doe@example.com.json) is masked, as
        // the agent shows paths: these lines reach terminals and build logs
        shown[i] = ShownPath.of(path.toString());
      }
    }
    String text = String.format(Locale.ROOT, template, shown);
    return PREFIX + text.replaceAll("\\s*\\R\\s*", " ");
  }
}

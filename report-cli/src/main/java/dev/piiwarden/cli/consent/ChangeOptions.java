package dev.piiwarden.cli.consent;

import picocli.CommandLine.Option;

/** What a grant or a withdrawal names: who, which purpose, through which channel. */
final class ChangeOptions {
  @Option(names = "--subject", paramLabel = "ID", required = true, description = "The data subject's id.")
  String subject;

  @Option(
      names = "--purpose",
      paramLabel = "P",
      required = true,
      description =
          "A purpose key, e.g. marketing.communications.email; a parent covers its children.")
  String purpose;

  @Option(
      names = "--source",
      paramLabel = "S",
      required = true,
      description = "Where the change came from, e.g. paper-form or support-ticket-123.")
  String source;
}

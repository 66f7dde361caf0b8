package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.core.taxonomy.Taxonomy;
import dev.piiwarden.core.taxonomy.TaxonomyKind;
import dev.piiwarden.core.taxonomy.UnknownKey;

/**
 * Purpose keys are checked before anything is written: a grant of a mistyped purpose would be
 * recorded and never match what the code asks for, which looks like consent but is none.
 */
final class PurposeKeys {
  private PurposeKeys() {}

  static String checked(String purpose, Taxonomy taxonomy) {
    String key = NonEmpty.of("--purpose", purpose);
    if (!taxonomy.contains(TaxonomyKind.PURPOSE, key)) {
      UnknownKey unknown = UnknownKey.of(taxonomy, TaxonomyKind.PURPOSE, key);
      throw new CommandFailure(ExitCode.USAGE, null, CliMessage.CONSENT_UNKNOWN_PURPOSE, unknown.shown(),
          unknown.hint());
    }
    return key;
  }
}

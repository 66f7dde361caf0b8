package dev.piiwarden.cli.consent;

import dev.piiwarden.cli.CliMessage;
import dev.piiwarden.cli.CommandFailure;
import dev.piiwarden.cli.ExitCode;
import dev.piiwarden.cli.input.DriverLoader;
import dev.piiwarden.core.consent.ConsentDriverMissingException;
import dev.piiwarden.core.consent.ConsentLedger;
import dev.piiwarden.core.consent.ConsentStoreAccessException;
import dev.piiwarden.core.consent.ConsentStoreDamagedException;
import dev.piiwarden.core.consent.ConsentStoreException;
import dev.piiwarden.core.consent.ConsentStoreMissingException;
import java.io.IOException;
import java.util.function.Function;

/**
 * A ledger opened for one command. A store that cannot be read or written becomes a one-line
 * failure with exit code 2: core's messages name the store without credentials and never a
 * subject.
 */
final class OpenLedger implements AutoCloseable {
  private final ConsentLedger ledger;
  private final DriverLoader drivers;

  OpenLedger(ConsentLedger ledger, DriverLoader drivers) {
    this.ledger = ledger;
    this.drivers = drivers;
  }

  <T> T use(Function<ConsentLedger, T> work) {
    try {
      return work.apply(ledger);
    } catch (ConsentDriverMissingException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.NO_JDBC_DRIVER, e.getMessage());
    } catch (ConsentStoreMissingException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.CONSENT_STORE_MISSING, e.getMessage());
    } catch (ConsentStoreAccessException | ConsentStoreDamagedException e) {
      // the message names the file, what is wrong with its mode or owner or which line is
      // damaged, and the fix
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.BAD_INPUT, e.getMessage());
    } catch (ConsentStoreException e) {
      throw new CommandFailure(ExitCode.USAGE, e, CliMessage.CONSENT_STORE_FAILED, e.getMessage());
    }
  }

  String describeStore() {
    return ledger.describeStore();
  }

  @Override
  public void close() throws IOException {
    try {
      ledger.close();
    } finally {
      drivers.close();
    }
  }
}

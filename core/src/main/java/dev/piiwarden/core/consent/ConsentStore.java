package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.util.List;
import java.util.Optional;

/**
 * Where consent records are kept. Records are only ever appended; their order in the store is the
 * ledger order that decisions follow. Implementations are safe for concurrent use.
 */
public interface ConsentStore extends AutoCloseable {
  /**
   * Appends a record durably.
   *
   * @throws ConsentStoreException when the store cannot be written
   */
  void append(ConsentRecord record);

  /**
   * Every record about {@code subject}, in ledger order (oldest first), including records written
   * by other processes sharing the store.
   *
   * @throws ConsentStoreException when the store cannot be read
   */
  List<ConsentRecord> records(String subject);

  /**
   * Reads the store ahead of the first question, for a store that loads itself into memory (a
   * {@code file:} ledger); others do nothing. Failures are left for {@link #records} to report.
   */
  default void load() {}

  /**
   * While a first read of the whole store is under way, what it has done so far (e.g. {@code
   * loading 117 MB, 40% done}), so that a slow first load is not reported as an outage; empty
   * otherwise. Safe to call from any thread at any time.
   */
  default Optional<String> loading() {
    return Optional.empty();
  }

  /** The store's URI for messages, without credentials. */
  String describe();

  /** Releases connections and files. */
  @Override
  void close();
}

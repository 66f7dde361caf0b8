package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.util.List;

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

  /** The store's URI for messages, without credentials. */
  String describe();

  /** Releases connections and files. */
  @Override
  void close();
}

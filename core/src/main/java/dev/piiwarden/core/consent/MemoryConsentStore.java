package dev.piiwarden.core.consent;

import dev.piiwarden.api.ConsentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code memory:} store: records live as long as the process. */
public final class MemoryConsentStore implements ConsentStore {
  private final ConcurrentHashMap<String, List<ConsentRecord>> bySubject =
      new ConcurrentHashMap<>();

  @Override
  public void append(ConsentRecord record) {
    bySubject.compute(
        record.subject(),
        (subject, old) -> {
          List<ConsentRecord> next = old == null ? new ArrayList<>() : new ArrayList<>(old);
          next.add(record);
          return List.copyOf(next);
        });
  }

  @Override
  public List<ConsentRecord> records(String subject) {
    return bySubject.getOrDefault(subject, List.of());
  }

  @Override
  public String describe() {
    return "memory:";
  }

  @Override
  public void close() {}
}

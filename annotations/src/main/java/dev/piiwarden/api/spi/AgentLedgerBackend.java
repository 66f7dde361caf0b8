package dev.piiwarden.api.spi;

import dev.piiwarden.api.ConsentRecord;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The agent's ledger, reached through the bridge class the agent puts on the bootstrap class path
 * ({@code dev.piiwarden.agent.bootstrap.ConsentBridge}). Looking there, by name and with JDK types
 * only, finds the same ledger whatever loader holds the application's copy of this class: the
 * plain class path, a nested jar, a child-first loader. Used by {@link
 * dev.piiwarden.api.Consents}; applications do not need it.
 */
public final class AgentLedgerBackend implements ConsentBackend {
  /**
   * The system property the agent sets when it is attached but disabled ({@code
   * piiwarden.enabled=false}): it then puts no bridge in place, and this is how {@link
   * dev.piiwarden.api.Consents} can still tell "disabled" from "not attached". Outside the {@code
   * piiwarden.} names, which are the agent's options.
   */
  public static final String AGENT_DISABLED_PROPERTY = "dev.piiwarden.agent.disabled";

  private static final String BRIDGE = "dev.piiwarden.agent.bootstrap.ConsentBridge";
  private static final String LEDGER = BRIDGE + "$Ledger";

  private final Object ledger;
  private final MethodHandle grant;
  private final MethodHandle withdraw;
  private final MethodHandle isGranted;
  private final MethodHandle history;

  private AgentLedgerBackend(Object ledger, Class<?> ledgerType) throws ReflectiveOperationException {
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    MethodType change = MethodType.methodType(Object[].class, String.class, String.class, String.class);
    this.ledger = ledger;
    this.grant = lookup.findVirtual(ledgerType, "grant", change);
    this.withdraw = lookup.findVirtual(ledgerType, "withdraw", change);
    this.isGranted =
        lookup.findVirtual(
            ledgerType, "isGranted", MethodType.methodType(boolean.class, String.class, String.class));
    this.history =
        lookup.findVirtual(ledgerType, "history", MethodType.methodType(List.class, String.class));
  }

  /** Whether an agent attached to this JVM is disabled by {@code piiwarden.enabled=false}. */
  public static boolean agentDisabled() {
    return Boolean.parseBoolean(System.getProperty(AGENT_DISABLED_PROPERTY));
  }

  /** The agent's ledger when the agent is running in this JVM. */
  public static Optional<ConsentBackend> find() {
    try {
      Class<?> bridge = Class.forName(BRIDGE, true, null);
      Object ledger = bridge.getMethod("ledger").invoke(null);
      if (ledger == null) {
        return Optional.empty();
      }
      return Optional.of(new AgentLedgerBackend(ledger, Class.forName(LEDGER, false, null)));
    } catch (ClassNotFoundException noAgent) {
      return Optional.empty();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("the PII Warden agent's consent bridge is not usable", e);
    }
  }

  @Override
  public ConsentRecord grant(String subject, String purpose, String source) {
    return record(call(grant, subject, purpose, source));
  }

  @Override
  public ConsentRecord withdraw(String subject, String purpose, String source) {
    return record(call(withdraw, subject, purpose, source));
  }

  @Override
  public boolean isGranted(String subject, String purpose) {
    try {
      return (boolean) isGranted.invoke(ledger, subject, purpose);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public List<ConsentRecord> history(String subject) {
    try {
      List<?> raw = (List<?>) history.invoke(ledger, subject);
      List<ConsentRecord> records = new ArrayList<>(raw.size());
      for (Object fields : raw) {
        records.add(record((Object[]) fields));
      }
      return records;
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private Object[] call(MethodHandle change, String subject, String purpose, String source) {
    try {
      return (Object[]) change.invoke(ledger, subject, purpose, source);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static ConsentRecord record(Object[] fields) {
    return new ConsentRecord(
        (String) fields[0],
        (String) fields[1],
        ConsentRecord.State.valueOf((String) fields[2]),
        (Instant) fields[3],
        (String) fields[4],
        (Instant) fields[5]);
  }
}

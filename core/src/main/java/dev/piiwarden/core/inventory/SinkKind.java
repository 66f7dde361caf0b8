package dev.piiwarden.core.inventory;

/** Where personal data can go. */
public enum SinkKind {
  /** A logging framework. */
  LOG,
  /** {@code System.out} or {@code System.err}. */
  CONSOLE,
  /** An HTTP request. */
  HTTP,
  /** A database (JDBC, JPA, repositories). */
  DATABASE,
  /** A file. */
  FILE,
  /** Serialization to JSON or bytes. */
  SERIALIZATION,
  /** A message broker. */
  MESSAGING,
  /** A third party named in the sink configuration. */
  THIRD_PARTY
}

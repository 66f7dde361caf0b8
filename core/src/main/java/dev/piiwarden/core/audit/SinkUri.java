package dev.piiwarden.core.audit;

import dev.piiwarden.core.text.UrlCredentials;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A parsed {@code piiwarden.audit.sink} value: {@code jsonl:<path>}, {@code slf4j:<logger>},
 * {@code jdbc:<url>}, {@code otlp:<http endpoint>} or {@code none}.
 *
 * @param scheme the part before the first colon
 * @param target the rest ({@code jdbc:} keeps the whole URL)
 */
record SinkUri(String scheme, String target) {
  private static final String OPTION = "piiwarden.audit.sink";

  static SinkUri parse(String value) {
    if ("none".equals(value) || "none:".equals(value)) {
      return new SinkUri("none", "");
    }
    int colon = value.indexOf(':');
    String scheme = colon < 0 ? value : value.substring(0, colon);
    String target = colon < 0 ? "" : value.substring(colon + 1);
    switch (scheme) {
      case "jsonl" -> {
        require(!target.isBlank(), value, "jsonl:<path>, e.g. jsonl:piiwarden-audit.jsonl");
        try {
          Path.of(target);
        } catch (InvalidPathException e) {
          throw new AuditException(OPTION + "=" + value + ": " + e.getMessage()
              + "; give a file path after jsonl:", e);
        }
        return new SinkUri(scheme, target);
      }
      case "slf4j" -> {
        require(!target.isBlank(), value, "slf4j:<logger name>, e.g. slf4j:piiwarden.audit");
        return new SinkUri(scheme, target);
      }
      case "jdbc" -> {
        require(!target.isBlank(), value, "jdbc:<url>, e.g. jdbc:postgresql://db/app");
        return new SinkUri(scheme, value);
      }
      case "otlp" -> {
        require(target.startsWith("http://") || target.startsWith("https://"), value,
            "otlp:<http endpoint>, e.g. otlp:http://localhost:4318");
        OtlpEndpoint.problem(target).ifPresent(problem -> {
          throw new AuditException(OPTION + "=" + shown(value) + " " + problem
              + "; use otlp:<http endpoint> with a host and a port from 1 to 65535 (or none), e.g."
              + " otlp:http://localhost:4318");
        });
        return new SinkUri(scheme, target);
      }
      default -> throw new AuditException(OPTION + "=" + shown(value) + " is not a sink; use"
          + " jsonl:<path>, slf4j:<logger>, jdbc:<url>, otlp:<http endpoint> or none");
    }
  }

  /** The key file used when none is configured ({@link AuditKey#defaultFile}). */
  Path defaultKeyFile() {
    return AuditKey.defaultFile("jsonl".equals(scheme) ? Path.of(target) : null);
  }

  /**
   * The key the options give, or the key file's key (created when missing). A jsonl trail or a
   * jdbc table that already holds records is continued only with the key it was written with
   * ({@link TrailKeyCheck}; a database that cannot be reached now is checked by the sink when it
   * opens); a key given as an object is the caller's to check.
   *
   * @throws AuditException when the key file cannot be used or is not the trail's key
   */
  AuditKey key(AuditTrailOptions options) {
    if (options.key() != null) {
      return options.key();
    }
    Path keyFile = keyFile(options);
    if ("jsonl".equals(scheme)) {
      TrailKeyCheck.check(Path.of(target), keyFile);
    } else if ("jdbc".equals(scheme)) {
      TableKeyCheck.checkTable(target, options.jdbcDriver(), keyFile);
    }
    return AuditKey.loadOrCreate(keyFile);
  }

  /**
   * A jsonl trail must end as a writer leaves it: in a whole record, or in the start of the next
   * one cut short by a crash ({@link JsonlSink#checkEnd}); other sinks keep no file to check.
   */
  void checkEnd() {
    if ("jsonl".equals(scheme)) {
      JsonlSink.checkEnd(Path.of(target));
    }
  }

  /** The sink, its records sealed with {@code key} (a jdbc sink checks its table's last row with it). */
  AuditSink newSink(AuditTrailOptions options, AuditKey key) {
    return switch (scheme) {
      case "jsonl" -> new JsonlSink(Path.of(target), options.maxFileBytes());
      case "slf4j" -> Slf4jSink.forLogger(target, Thread.currentThread().getContextClassLoader())
          .marking(options.ownLines());
      case "jdbc" -> new JdbcSink(target, options.jdbcDriver())
          .sealedWith(key, options.key() != null && options.keyFile() == null
              ? "the audit key given" : "audit key file " + keyFile(options));
      case "otlp" -> new OtlpSink(URI.create(target), spoolFile(options), options.problems());
      default -> new NoSink();
    };
  }

  /**
   * The sink of an {@link AuditTrail}: {@link #newSink}, a {@code jdbc:} one with a spool for when
   * the database is down ({@link SpooledSink}), since the trail's callers must not wait for it.
   * (A tool that appends one record must fail instead: {@link AuditAppender} takes {@link #newSink}.)
   */
  AuditSink newTrailSink(AuditTrailOptions options, AuditKey key) {
    AuditSink sink = newSink(options, key);
    return "jdbc".equals(scheme)
        ? new SpooledSink(sink, new SpoolFile(spoolFile(options)), key, options.problems())
        : sink;
  }

  /** Where a sink keeps records its target could not take yet: the option, else beside the key file. */
  private Path spoolFile(AuditTrailOptions options) {
    return options.spoolFile() != null
        ? options.spoolFile()
        : keyFile(options).toAbsolutePath().resolveSibling(OtlpSink.DEFAULT_SPOOL_NAME);
  }

  private Path keyFile(AuditTrailOptions options) {
    return options.keyFile() != null ? options.keyFile() : defaultKeyFile();
  }

  private static void require(boolean ok, String value, String expected) {
    if (!ok) {
      throw new AuditException(OPTION + "=" + shown(value) + " is incomplete; use " + expected);
    }
  }

  /**
   * A jdbc value may hold a password: only the scheme is shown; an otlp endpoint is shown without
   * user information and query (a token).
   */
  private static String shown(String value) {
    if (value.startsWith("jdbc:")) {
      return "jdbc:…";
    }
    return value.startsWith("otlp:") ? UrlCredentials.withoutCredentials(value) : value;
  }
}

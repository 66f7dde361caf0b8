package dev.piiwarden.core.audit;

import java.time.Instant;
import java.util.List;

/**
 * Record lines as an OTLP/HTTP JSON logs request ({@code ExportLogsServiceRequest}): one resource
 * ({@code service.name=piiwarden}), one scope ({@code dev.piiwarden.audit}), one log record per
 * audit record with the record's time, severity INFO, the canonical line as the body, and the
 * type, seq, hash and subject pseudonym as attributes. 64-bit integers are strings, as the
 * protobuf JSON mapping wants.
 */
final class OtlpLogsJson {
  static final String SCOPE = "dev.piiwarden.audit";

  private OtlpLogsJson() {}

  static String request(List<RecordLine> records) {
    StringBuilder out = new StringBuilder(records.size() * 600 + 256);
    out.append("{\"resourceLogs\":[{\"resource\":{\"attributes\":[");
    attribute(out, "service.name", "piiwarden");
    out.append("]},\"scopeLogs\":[{\"scope\":{\"name\":\"").append(SCOPE)
        .append("\",\"version\":\"").append(AuditRecordFormat.VERSION).append("\"},\"logRecords\":[");
    String observed = nanos(Instant.now());
    for (int i = 0; i < records.size(); i++) {
      RecordLine record = records.get(i);
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"timeUnixNano\":\"").append(nanos(timestamp(record)))
          .append("\",\"observedTimeUnixNano\":\"").append(observed)
          .append("\",\"severityNumber\":9,\"severityText\":\"INFO\",\"body\":{\"stringValue\":");
      CanonicalJson.string(out, record.line());
      out.append("},\"attributes\":[");
      attribute(out, "piiwarden.audit.type", record.type());
      out.append(",{\"key\":\"piiwarden.audit.seq\",\"value\":{\"intValue\":\"")
          .append(record.seq()).append("\"}},");
      attribute(out, "piiwarden.audit.hash", record.hash());
      String subject = subject(record.line());
      if (subject != null) {
        out.append(',');
        attribute(out, "piiwarden.audit.subject", subject);
      }
      out.append("]}");
    }
    out.append("]}]}]}");
    return out.toString();
  }

  private static void attribute(StringBuilder out, String key, String value) {
    out.append("{\"key\":");
    CanonicalJson.string(out, key);
    out.append(",\"value\":{\"stringValue\":");
    CanonicalJson.string(out, value);
    out.append("}}");
  }

  private static Instant timestamp(RecordLine record) {
    int start = record.line().indexOf("\"ts\":\"") + 6;
    return Instant.parse(record.line().substring(start, record.line().indexOf('"', start)));
  }

  private static String subject(String line) {
    String marker = "\"subject\":\"";
    int start = line.indexOf(marker);
    return start < 0 ? null : line.substring(start + marker.length(), line.indexOf('"', start + marker.length()));
  }

  private static String nanos(Instant instant) {
    return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
  }
}

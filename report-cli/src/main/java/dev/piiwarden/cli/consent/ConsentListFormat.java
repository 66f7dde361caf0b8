package dev.piiwarden.cli.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.cli.KeywordConverter;
import dev.piiwarden.cli.output.TextTable;
import dev.piiwarden.core.consent.ConsentDecision;
import java.io.UncheckedIOException;
import java.time.Instant;

/** How {@code consent list} prints: a table for people, or JSON for an access-request export. */
public enum ConsentListFormat {
  TABLE {
    @Override
    String render(ConsentListing listing) {
      TextTable history = new TextTable("TIME", "STATE", "PURPOSE", "SOURCE", "EXPIRES");
      for (ConsentRecord record : listing.history()) {
        history.row(
            record.time().toString(),
            record.state().name(),
            record.purpose(),
            record.source(),
            orDash(record.expires()));
      }
      TextTable current = new TextTable("PURPOSE", "STATE", "UNTIL");
      for (ConsentDecision decision : listing.current()) {
        current.row(decision.purpose(), ConsentListing.state(decision), orDash(decision.expires()));
      }
      return "HISTORY ("
          + listing.history().size()
          + ")\n"
          + history.render()
          + "\nCURRENT ("
          + listing.current().size()
          + ")\n"
          + current.render();
    }
  },
  JSON {
    @Override
    String render(ConsentListing listing) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      root.put("subject", listing.subject());
      root.put("store", listing.store());
      ArrayNode history = root.putArray("history");
      for (ConsentRecord record : listing.history()) {
        ObjectNode node = history.addObject();
        node.put("time", record.time().toString());
        node.put("state", record.state().name());
        node.put("purpose", record.purpose());
        node.put("source", record.source());
        node.put("expires", record.expires() == null ? null : record.expires().toString());
      }
      ArrayNode current = root.putArray("current");
      for (ConsentDecision decision : listing.current()) {
        ObjectNode node = current.addObject();
        node.put("purpose", decision.purpose());
        node.put("state", ConsentListing.state(decision));
        node.put("granted", decision.granted());
        node.put("until", decision.expires() == null ? null : decision.expires().toString());
      }
      try {
        return mapper.writeValueAsString(root) + "\n";
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  /** The listing as printed. */
  abstract String render(ConsentListing listing);

  private static String orDash(Instant instant) {
    return instant == null ? "-" : instant.toString();
  }

  /** {@code --format table|json}. */
  public static final class Converter extends KeywordConverter<ConsentListFormat> {
    /** The converter picocli instantiates. */
    public Converter() {
      super(ConsentListFormat.class);
    }
  }
}

package dev.piiwarden.benchmarks.comparison;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * logstash-logback-encoder's masking as a user configures it in {@code logback.xml}: a {@code
 * MaskingJsonGeneratorDecorator} with one {@code <valueMask>} per type ({@link UserRegexes}, each
 * type's mask), applied to the JSON a {@code LogstashEncoder} writes for an event: here its message
 * field, {@code {"message":"…"}}, through a fresh decorated generator per event as the encoder does.
 * {@link #plain()} writes the same JSON without the decorator: the floor.
 */
public final class LogstashValueMasking {
  private static final ObjectMapper READER = new ObjectMapper();

  private final JsonFactory factory = new JsonFactory();
  private final MaskingJsonGeneratorDecorator decorator;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);

  private LogstashValueMasking(MaskingJsonGeneratorDecorator decorator) {
    this.decorator = decorator;
  }

  /** The decorator with a value mask per type. */
  public static LogstashValueMasking masking() {
    MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
    for (Map.Entry<String, List<String>> type : UserRegexes.BY_TYPE.entrySet()) {
      decorator.addValueMask(
          new MaskingJsonGeneratorDecorator.ValueMask(type.getValue(), UserRegexes.maskOf(type.getKey())));
    }
    decorator.start();
    return new LogstashValueMasking(decorator);
  }

  /** No decorator: what writing the JSON costs. */
  public static LogstashValueMasking plain() {
    return new LogstashValueMasking(null);
  }

  /** Writes {@code {"message": line}} and returns its size in bytes. Not thread-safe. */
  public int write(String line) {
    buffer.reset();
    try {
      JsonGenerator generator = factory.createGenerator(buffer);
      if (decorator != null) {
        generator = decorator.decorate(generator);
      }
      generator.writeStartObject();
      generator.writeStringField("message", line);
      generator.writeEndObject();
      generator.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.size();
  }

  /** The message as the JSON holds it after masking, read back. */
  public String apply(String line) {
    write(line);
    try {
      return READER.readTree(buffer.toString(StandardCharsets.UTF_8)).get("message").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

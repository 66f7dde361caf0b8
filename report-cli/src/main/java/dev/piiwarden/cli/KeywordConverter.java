package dev.piiwarden.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value to an enum constant by its lowercase name ({@code --format table}),
 * ignoring case, and names the accepted values in lowercase when the value is not one of them.
 * Each option enum declares a no-argument subclass for picocli to instantiate.
 *
 * @param <E> the enum of accepted values
 */
public abstract class KeywordConverter<E extends Enum<E>> implements ITypeConverter<E> {
  private final Class<E> type;

  /** A converter to constants of {@code type}. */
  protected KeywordConverter(Class<E> type) {
    this.type = type;
  }

  @Override
  public E convert(String value) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw new TypeConversionException(
        "expected one of " + keywords() + " but was '" + value + "'");
  }

  private String keywords() {
    return Arrays.stream(type.getEnumConstants())
        .map(constant -> constant.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}

package dev.piiwarden.cli.inventory;

import dev.piiwarden.cli.KeywordConverter;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import java.util.Locale;
import java.util.function.Function;

/** The renderings {@code piiwarden inventory --format} offers. */
public enum InventoryFormat {
  /** The {@code piiwarden-inventory/1} document (SPEC §5). */
  JSON(InventoryJson::write),
  /** A fixed-width table for people. */
  TABLE(InventoryTable::render);

  private final Function<Inventory, String> renderer;

  InventoryFormat(Function<Inventory, String> renderer) {
    this.renderer = renderer;
  }

  /** The inventory in this format, ending with a newline. */
  public String render(Inventory inventory) {
    return renderer.apply(inventory);
  }

  /** Converts {@code --format} values. */
  public static final class Converter extends KeywordConverter<InventoryFormat> {
    /** The converter picocli instantiates. */
    public Converter() {
      super(InventoryFormat.class);
    }
  }

  /** The name users type, also shown in help. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package dev.piiwarden.core.inventory;

/**
 * An inventory read from one input, with where it came from.
 *
 * @param origin the file, or {@code archive!/entry}, it was read from
 * @param inventory its content
 */
public record InventoryFragment(String origin, Inventory inventory) {}

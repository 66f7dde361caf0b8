package dev.piiwarden.core.inventory;

/**
 * An inventory read from one input, with where it came from.
 *
 * @param origin the file, or {@code archive!/entry}, it was read from
 * @param inventory its content
 */
public record InventoryFragment(String origin, Inventory inventory) {
  /**
   * The top-level class whose fragment describes {@code name}, a binary class name or an id:
   * {@code com.acme.Outer} for {@code com.acme.Outer}, {@code com.acme.Outer$Inner}, {@code
   * com.acme.Outer#email} and {@code com.acme.Outer$Inner#send(com.acme.User)}. A {@code $} in a
   * package name is kept.
   */
  public static String topLevelOf(String name) {
    int end = name.length();
    int hash = name.indexOf('#');
    if (hash >= 0) {
      end = hash;
    }
    int simpleName = name.lastIndexOf('.', end - 1) + 1;
    int nested = name.indexOf('$', simpleName);
    if (nested >= 0 && nested < end) {
      end = nested;
    }
    return name.substring(0, end);
  }
}

package dev.piiwarden.core.inventory;

/** An inventory input that cannot be used; the message names the input and what is wrong. */
public class InventoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message names the input and the problem. */
  public InventoryException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the underlying cause. */
  public InventoryException(String message, Throwable cause) {
    super(message, cause);
  }
}

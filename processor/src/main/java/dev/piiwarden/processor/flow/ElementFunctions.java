package dev.piiwarden.processor.flow;

/**
 * What a library method does with the functions it is handed, as far as the values they take and
 * yield go ({@link ValuePropagation#functions}).
 */
enum ElementFunctions {
  /** No container's or collector's method: a lambda handed to it takes nothing known. */
  NONE,
  /**
   * A method of a stream, {@code Optional}, collection, iterator or map ({@code forEach},
   * {@code filter}, {@code ifPresent}): its lambdas take what the receiver holds.
   */
  APPLIED,
  /**
   * As {@link #APPLIED}, and its result is what its functions yield, not the receiver's value
   * ({@code map}, {@code flatMap}, {@code collect}).
   */
  MAPPED,
  /**
   * A method of {@code Collectors}: its functions take what the stream being collected holds, and
   * the collector yields what they yield, with the elements themselves where it keeps them.
   */
  COLLECTOR
}

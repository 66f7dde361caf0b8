package dev.piiwarden.core.inventory;

/** The kind of member that holds a data element. */
public enum ElementKind {
  /** A field. */
  FIELD,
  /** An accessor method. */
  METHOD,
  /** A record component. */
  RECORD_COMPONENT,
  /** A method parameter. */
  PARAMETER
}

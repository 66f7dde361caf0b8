package dev.piiwarden.api;

/**
 * The error for a member that can hold personal data but that reflection may not read, because
 * its class's module does not open the package: an export or a lookup that left it out would look
 * complete.
 */
final class Unreadable {
  private Unreadable() {}

  static IllegalStateException member(Class<?> type, String name) {
    Module reader = Unreadable.class.getModule();
    String readerName = reader.isNamed() ? reader.getName() : "ALL-UNNAMED";
    String where = type.getModule().isNamed() ? type.getModule().getName() : "ALL-UNNAMED";
    return new IllegalStateException("PII Warden cannot read " + type.getName() + "." + name
        + ", which can hold personal data: open package " + type.getPackageName() + " to "
        + readerName + " (opens " + type.getPackageName() + " to " + readerName
        + "; or --add-opens " + where + "/" + type.getPackageName() + "=" + readerName + ")");
  }
}

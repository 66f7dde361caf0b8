package dev.piiwarden.core.report.ropa;

/**
 * A person or organisation named in the record: the controller, the data protection officer or the
 * representative (GDPR Art. 30(1)(a)).
 *
 * @param name the name
 * @param contact how to reach them (address, e-mail, phone), or null
 */
public record Party(String name, String contact) {}

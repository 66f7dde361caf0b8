/**
 * The redaction engine: keeps personal data out of log text and out of the rendering of objects.
 *
 * <p>{@link dev.piiwarden.core.redaction.Redactor} scans free text once, left to right, calling a
 * detector only where a cheap trigger fires (an {@code @}, the start of a digit run, a key name
 * found by a case-insensitive Aho-Corasick automaton, ...). Each detector validates what it finds
 * (Luhn and IIN ranges for cards, mod 97 for IBANs, the address grammars for IPs, the SSA rules for
 * SSNs, ...) before it is replaced. Replacements are recorded and the output is built once; text
 * in which nothing was found is returned as the same instance. Every detector does bounded work per
 * trigger, so the scan is linear in the length of the text; user patterns run on RE2J, which is
 * linear too. {@link dev.piiwarden.core.redaction.ObjectRedaction} renders objects whose classes
 * declare {@link dev.piiwarden.annotations.PersonalData} members.
 */
package dev.piiwarden.core.redaction;

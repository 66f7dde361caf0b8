/**
 * PII Warden's annotation processor. {@link dev.piiwarden.processor.PiiWardenProcessor} runs the
 * rounds; {@code base} holds the message catalogue and reporting, {@code option} the options,
 * {@code model} turns elements into inventory entries, {@code validation} has one class per check,
 * {@code writing} writes fragments and descriptors. Method-body analysis belongs in {@code flow}.
 */
package dev.piiwarden.processor;

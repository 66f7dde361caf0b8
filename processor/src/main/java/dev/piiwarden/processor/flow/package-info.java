/**
 * Method-body analysis: after javac has attributed a top-level class ({@code TaskEvent.Kind.ANALYZE})
 * it records, per method, the personal data read, the calls made and the sinks reached, and the
 * method summaries the merge uses to compute flows across classes and modules. Only the exported
 * {@code com.sun.source} API is used.
 */
package dev.piiwarden.processor.flow;

/** The processor's {@code -A} options, read and checked once per compilation. */
package dev.piiwarden.processor.option;

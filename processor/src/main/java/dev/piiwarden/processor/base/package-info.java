/** What every part of the processor shares: the {@code Message} catalogue and reporting. */
package dev.piiwarden.processor.base;

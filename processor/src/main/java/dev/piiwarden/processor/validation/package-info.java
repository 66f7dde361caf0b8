/** Declaration checks, one class per check, each naming the message ids it reports. */
package dev.piiwarden.processor.validation;

/** Output: inventory fragments and generated descriptors (JavaPoet). */
package dev.piiwarden.processor.writing;

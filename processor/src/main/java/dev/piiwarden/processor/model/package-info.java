/**
 * From javac elements to the inventory model: which declarations a top-level class makes, and the
 * data elements and activities they become, with run-time ids.
 */
package dev.piiwarden.processor.model;

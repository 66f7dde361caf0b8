package dev.piiwarden.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * An element carrying one of PII Warden's annotations, with the annotation as written.
 *
 * @param element the annotated element
 * @param mirror the annotation, for diagnostics
 */
public record AnnotatedSite(Element element, AnnotationMirror mirror) {}

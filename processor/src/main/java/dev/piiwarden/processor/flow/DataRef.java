package dev.piiwarden.processor.flow;

import dev.piiwarden.annotations.PersonalData;

/**
 * A data element as the analysis meets it: its inventory id and its declaration's values.
 *
 * @param id {@code <binary name>#<member>}, as in the fragment of the declaring class
 * @param annotation the {@code @PersonalData} values (purposes, basis) the checks need
 */
public record DataRef(String id, PersonalData annotation) {}

package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.piiwarden.annotations.OnDenied;
import java.util.List;

/**
 * The consent an activity requires ({@code @ConsentRequired}).
 *
 * @param purposes the purposes that must all be granted, sorted
 * @param onDenied what happens without consent
 */
@JsonPropertyOrder({"purposes", "onDenied"})
public record ConsentRequirement(List<String> purposes, OnDenied onDenied) {
  /** Normalises the purposes. */
  public ConsentRequirement {
    purposes = Sorting.keys(purposes);
    onDenied = onDenied == null ? OnDenied.THROW : onDenied;
  }
}

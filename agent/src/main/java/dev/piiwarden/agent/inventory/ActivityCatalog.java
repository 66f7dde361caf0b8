package dev.piiwarden.agent.inventory;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data categories each activity reads, by activity id ({@code
 * com.acme.Newsletter#send(com.acme.User)}), taken from the inventory fragments of the classes the
 * agent has transformed. For the audit trail's {@code categories}: an activity whose class was not
 * transformed yet, has no fragment, or has a fragment that cannot be read has none.
 */
public final class ActivityCatalog {
  private static final ConcurrentHashMap<String, List<String>> CATEGORIES = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, Listed> LISTED = new ConcurrentHashMap<>();

  /**
   * An activity as its fragment lists it.
   *
   * @param categories the sorted categories it reads (empty: it reads no personal data)
   * @param purposes its declared purposes
   * @param subjectFrom where its data subject comes from ({@code PARAMETER n}, {@code PARAMETER n
   *     FIELD x}, {@code CONTEXT}), or null
   */
  public record Listed(List<String> categories, List<String> purposes, String subjectFrom) {}

  private ActivityCatalog() {}

  /** Fragments of transformed classes not read yet; null when there are none. */
  private static volatile FragmentCatalogue unread;

  /**
   * The sorted categories {@code activityId} reads; empty when none are known. Reads first the
   * fragments of classes transformed since the last call.
   */
  public static List<String> categoriesOf(String activityId) {
    FragmentCatalogue catalogue = unread;
    if (catalogue != null) {
      catalogue.readPending();
    }
    return CATEGORIES.getOrDefault(activityId, List.of());
  }

  /** Makes {@link #categoriesOf} read {@code catalogue}'s pending fragments first. */
  static void readFirst(FragmentCatalogue catalogue) {
    unread = catalogue;
  }

  /** The activity as a fragment read so far lists it, or null. */
  public static Listed listed(String activityId) {
    return LISTED.get(activityId);
  }

  static void record(String activityId, List<String> categories) {
    CATEGORIES.put(activityId, List.copyOf(categories));
  }

  static void record(
      String activityId, List<String> categories, List<String> purposes, String subjectFrom) {
    record(activityId, categories);
    LISTED.put(
        activityId,
        new Listed(
            List.copyOf(categories), purposes == null ? List.of() : List.copyOf(purposes), subjectFrom));
  }
}

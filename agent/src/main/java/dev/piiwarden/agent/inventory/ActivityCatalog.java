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

  private ActivityCatalog() {}

  /** The sorted categories {@code activityId} reads; empty when none are known. */
  public static List<String> categoriesOf(String activityId) {
    return CATEGORIES.getOrDefault(activityId, List.of());
  }

  static void record(String activityId, List<String> categories) {
    CATEGORIES.put(activityId, List.copyOf(categories));
  }
}

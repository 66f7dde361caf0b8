package dev.piiwarden.core.report.ropa;

import dev.piiwarden.core.inventory.Activity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The titles of the record's entries. {@code @ProcessingActivity(name = "Customer management")} on a
 * class names every method of it alike; each such entry is told apart by the shortest of
 * {@code Type.method}, {@code Type.method(ParamTypes)} and the activity id that no other entry of the
 * same name shares.
 */
final class ActivityTitles {
  private static final List<Function<Activity, String>> QUALIFIERS =
      List.of(RopaBuilder::fallbackName, ActivityTitles::withParameters, Activity::id);

  private ActivityTitles() {}

  /** The title of each activity, by id. */
  static Map<String, String> of(List<Activity> activities) {
    Map<String, List<Activity>> byName = new LinkedHashMap<>();
    activities.forEach(a -> byName.computeIfAbsent(RopaBuilder.nameOf(a), k -> new ArrayList<>()).add(a));
    Map<String, String> titles = new HashMap<>();
    byName.forEach((name, those) -> {
      for (Activity activity : those) {
        titles.put(activity.id(), those.size() == 1 ? name : title(name, activity, those));
      }
    });
    return titles;
  }

  private static String title(String name, Activity activity, List<Activity> namesakes) {
    String qualifier = activity.id();
    for (Function<Activity, String> candidate : QUALIFIERS) {
      String mine = candidate.apply(activity);
      if (namesakes.stream().filter(other -> other != activity).noneMatch(other -> candidate.apply(other).equals(mine))) {
        qualifier = mine;
        break;
      }
    }
    // An entry without a declared name is named Type.method already; its qualifier replaces it.
    return name.equals(RopaBuilder.fallbackName(activity)) ? qualifier : name + " (" + qualifier + ")";
  }

  /** {@code CustomerService.update(Customer)} for {@code com.acme.CustomerService#update(com.acme.Customer)}. */
  private static String withParameters(Activity activity) {
    String method = activity.method() == null ? "" : activity.method();
    int open = method.indexOf('(');
    if (open < 0 || !method.endsWith(")")) {
      return RopaBuilder.fallbackName(activity);
    }
    List<String> simple = new ArrayList<>();
    String parameters = method.substring(open + 1, method.length() - 1);
    if (!parameters.isEmpty()) {
      for (String type : parameters.split(",")) {
        simple.add(type.substring(type.lastIndexOf('.') + 1).replace('$', '.'));
      }
    }
    return RopaBuilder.fallbackName(activity) + "(" + String.join(", ", simple) + ")";
  }
}

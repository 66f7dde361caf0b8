package dev.piiwarden.core.taxonomy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data categories, purposes and data subjects that annotations may name: the fideslang
 * taxonomy (by Ethyca, Inc., CC BY 4.0), plus an organisation's extension file.
 *
 * <p>Keys are hierarchical: a parent covers its children, so consent to {@code marketing} covers
 * {@code marketing.communications.email}. Instances are immutable.
 */
public final class Taxonomy {
  private static final class BuiltIn {
    static final Taxonomy INSTANCE = new Taxonomy(TaxonomyLoader.loadBuiltIn());
  }

  private final Map<TaxonomyKind, Map<String, TaxonomyEntry>> entries;

  Taxonomy(Map<TaxonomyKind, Map<String, TaxonomyEntry>> entries) {
    Map<TaxonomyKind, Map<String, TaxonomyEntry>> copy = new EnumMap<>(TaxonomyKind.class);
    for (TaxonomyKind kind : TaxonomyKind.values()) {
      copy.put(
          kind,
          Collections.unmodifiableMap(new TreeMap<>(entries.getOrDefault(kind, Map.of()))));
    }
    this.entries = Collections.unmodifiableMap(copy);
  }

  /** The fideslang taxonomy shipped with PII Warden. */
  public static Taxonomy builtIn() {
    return BuiltIn.INSTANCE;
  }

  /**
   * The built-in taxonomy extended by {@code extensionFile}, or the built-in one when the path is
   * null.
   *
   * @throws TaxonomyException when the file cannot be read or is not a valid extension
   */
  public static Taxonomy load(Path extensionFile) {
    return extensionFile == null ? builtIn() : builtIn().extend(extensionFile);
  }

  /**
   * This taxonomy plus the keys of an extension file ({@code {"categories":[{"key", "parent",
   * "name", "description", "special", "sensitive"}], "purposes":[…], "subjects":[…]}}).
   *
   * @throws TaxonomyException when the file cannot be read or is not a valid extension
   */
  public Taxonomy extend(Path extensionFile) {
    return new Taxonomy(TaxonomyLoader.extend(entries, extensionFile));
  }

  /** The entry for {@code key}, if known. */
  public Optional<TaxonomyEntry> find(TaxonomyKind kind, String key) {
    return Optional.ofNullable(entries.get(kind).get(key));
  }

  /** Whether {@code key} is a known key of this kind. */
  public boolean contains(TaxonomyKind kind, String key) {
    return entries.get(kind).containsKey(key);
  }

  /** All entries of a kind, sorted by key. */
  public Collection<TaxonomyEntry> entries(TaxonomyKind kind) {
    return entries.get(kind).values();
  }

  /**
   * Whether {@code ancestor} covers {@code key}: it is the key itself or one of its ancestors.
   * Unknown keys are compared by their dotted prefix.
   */
  public boolean covers(TaxonomyKind kind, String ancestor, String key) {
    return lineage(kind, key).contains(ancestor);
  }

  /** Whether any of {@code ancestors} covers {@code key}. */
  public boolean coversAny(TaxonomyKind kind, Collection<String> ancestors, String key) {
    for (String ancestor : ancestors) {
      if (covers(kind, ancestor, key)) {
        return true;
      }
    }
    return false;
  }

  /** The known key of this kind closest to a mistyped one, if any is close enough. */
  public Optional<String> suggest(TaxonomyKind kind, String typed) {
    return KeySuggester.closest(typed, entries.get(kind).keySet());
  }

  /** Whether a category is special (GDPR Art. 9/10), itself or through an ancestor. */
  public boolean isSpecial(String category) {
    TaxonomyEntry entry = entries.get(TaxonomyKind.CATEGORY).get(category);
    return entry != null && entry.special();
  }

  /** Whether a category is sensitive (CCPA), itself or through an ancestor. */
  public boolean isSensitive(String category) {
    TaxonomyEntry entry = entries.get(TaxonomyKind.CATEGORY).get(category);
    return entry != null && entry.sensitive();
  }

  /** The keys from {@code key} up to its root, {@code key} first. */
  public List<String> lineage(TaxonomyKind kind, String key) {
    List<String> chain = new ArrayList<>();
    Map<String, TaxonomyEntry> known = entries.get(kind);
    for (String current = key;
        current != null && chain.size() <= known.size();
        current = known.containsKey(current) ? known.get(current).parent() : dottedParent(current)) {
      chain.add(current);
    }
    return chain;
  }

  static String dottedParent(String key) {
    int dot = key.lastIndexOf('.');
    return dot < 0 ? null : key.substring(0, dot);
  }
}

package dev.piiwarden.core.policy;

import dev.piiwarden.core.files.BundledResources;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The policy used when none is given ({@code default-policy.json} beside this class): no special or
 * sensitive data to logs or the console, an explicit basis for special categories, consent for
 * marketing, and (a warning) a retention for sensitive data.
 */
public final class DefaultPolicy {
  private static final String RESOURCE = "default-policy.json";

  private DefaultPolicy() {}

  /** The default policy over the given taxonomy. */
  public static Policy load(Taxonomy taxonomy) {
    try (InputStream in = BundledResources.open(DefaultPolicy.class, RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the PII Warden core jar");
      }
      return PolicyReader.read(new ObjectMapper().readTree(in), "default policy", taxonomy);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the default policy", e);
    }
  }
}

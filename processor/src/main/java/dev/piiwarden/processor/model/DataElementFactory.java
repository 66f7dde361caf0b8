package dev.piiwarden.processor.model;

import dev.piiwarden.annotations.PersonalData;
import dev.piiwarden.core.inventory.DataElement;
import dev.piiwarden.core.inventory.ElementKind;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.util.List;
import javax.lang.model.element.TypeElement;

/** Turns a {@code @PersonalData} declaration into the inventory's {@link DataElement}. */
public final class DataElementFactory {
  private final Taxonomy taxonomy;
  private final RuntimeTypeNames names;
  private final SourceLocator locator;

  public DataElementFactory(Taxonomy taxonomy, RuntimeTypeNames names, SourceLocator locator) {
    this.taxonomy = taxonomy;
    this.names = names;
    this.locator = locator;
  }

  /** The data element of {@code site}, declared in the top-level class {@code topLevel}. */
  public DataElement create(PersonalDataSite site, TypeElement topLevel) {
    PersonalData data = site.annotation();
    String type = names.binaryName(site.owner());
    String member = member(site);
    return new DataElement(
        type + "#" + member,
        type,
        member,
        site.kind(),
        data.category(),
        List.of(data.purposes()),
        data.subject(),
        data.basis(),
        data.retention(),
        data.redaction(),
        taxonomy.isSpecial(data.category()),
        taxonomy.isSensitive(data.category()),
        locator.locate(site.element(), topLevel));
  }

  /** {@code email}, {@code getEmail()}, or {@code register(java.lang.String):email}. */
  public String member(PersonalDataSite site) {
    if (site.kind() == ElementKind.METHOD) {
      return site.name() + "()";
    }
    if (site.kind() == ElementKind.PARAMETER) {
      return names.signature(site.method()) + ":" + site.name();
    }
    return site.name();
  }
}

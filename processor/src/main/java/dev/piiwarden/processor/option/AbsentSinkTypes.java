package dev.piiwarden.processor.option;

import dev.piiwarden.processor.base.DiagnosticReporter;
import dev.piiwarden.processor.base.LibraryTypes;
import dev.piiwarden.processor.base.Message;
import dev.piiwarden.core.text.QuotedValue;
import dev.piiwarden.processor.flow.SinkCatalogue;
import dev.piiwarden.processor.flow.SinkDefinition;
import java.util.List;
import javax.lang.model.util.Elements;

/**
 * PW025 (a note): an entry of the {@code piiwarden.sinks} file whose type is not on the class path
 * matches no call. A misspelt type would otherwise go unnoticed; a note rather than a warning, as
 * one file shared by several modules names libraries that some of them lack, and strict builds
 * must not fail on that.
 */
public final class AbsentSinkTypes {
  private AbsentSinkTypes() {}

  /** Notes each entry of the user's file whose type {@code elements} cannot find. */
  public static void report(SinkCatalogue catalogue, Elements elements, DiagnosticReporter reporter) {
    List<SinkDefinition> added = catalogue.added();
    LibraryTypes types = added.isEmpty() ? null : new LibraryTypes(elements);
    for (int i = 0; i < added.size(); i++) {
      String type = added.get(i).type();
      if (types.find(type) != null) {
        continue;
      }
      String canonical = type.replace('$', '.');
      String hint = !canonical.equals(type) && types.find(canonical) != null
          ? " (a nested class is named as in source: " + canonical + ")" : "";
      reporter.report(Message.PW025, catalogue.file() + ", sinks[" + i + "]", QuotedValue.shown(type), hint);
    }
  }
}

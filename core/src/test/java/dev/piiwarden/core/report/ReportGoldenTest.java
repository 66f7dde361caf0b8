package dev.piiwarden.core.report;

import static dev.piiwarden.core.report.ReportFixtures.assertGolden;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.policy.DefaultPolicy;
import dev.piiwarden.core.policy.FindingsFormat;
import dev.piiwarden.core.policy.Policy;
import dev.piiwarden.core.policy.PolicyCheck;
import dev.piiwarden.core.report.diagram.DataFlowDiagram;
import dev.piiwarden.core.report.diagram.DiagramFormat;
import dev.piiwarden.core.report.diff.DiffFormat;
import dev.piiwarden.core.report.diff.InventoryDiff;
import dev.piiwarden.core.report.ropa.Party;
import dev.piiwarden.core.report.ropa.RopaBuilder;
import dev.piiwarden.core.report.ropa.RopaConfig;
import dev.piiwarden.core.report.ropa.RopaFormat;
import dev.piiwarden.core.report.ropa.RopaRecord;
import dev.piiwarden.core.report.ropa.ThirdParty;
import dev.piiwarden.core.report.ropa.Transfer;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every report format on the fixture inventory, compared with its golden file. */
class ReportGoldenTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final RopaConfig CONFIG =
      new RopaConfig(
          new Party("Acme GmbH", "privacy@acme.example, Hauptstr. 1, Berlin"),
          new Party("Dana <Protect> & Co", "dpo@acme.example"),
          null,
          List.of(new ThirdParty("Mailer Inc., \"bulk\"", "e-mail delivery", List.of("Newsletter"))),
          List.of(new Transfer("US", "Mailer Inc.", "Standard contractual clauses (2021/914)", List.of("Newsletter"))),
          null,
          List.of());

  @ParameterizedTest
  @EnumSource(RopaFormat.class)
  void ropa(RopaFormat format) {
    RopaRecord record = RopaBuilder.build(ReportFixtures.inventory(), TAXONOMY, CONFIG);
    assertGolden("ropa." + format.cliName(), format.render(record, CONFIG));
  }

  @ParameterizedTest
  @EnumSource(DiagramFormat.class)
  void diagram(DiagramFormat format) {
    String name = "diagram." + (format == DiagramFormat.DOT ? "dot" : "mmd");
    assertGolden(name, format.render(DataFlowDiagram.DEFAULT.build(ReportFixtures.inventory(), TAXONOMY)));
  }

  @ParameterizedTest
  @EnumSource(FindingsFormat.class)
  void check(FindingsFormat format) {
    Policy policy = DefaultPolicy.load(TAXONOMY);
    var findings = PolicyCheck.run(policy, ReportFixtures.inventory(), TAXONOMY);
    assertGolden("check." + format.name().toLowerCase(), format.render(policy, findings, "src/main/java", "0.1.0-test"));
  }

  @ParameterizedTest
  @EnumSource(DiffFormat.class)
  void diff(DiffFormat format) {
    Inventory base = ReportFixtures.inventory();
    Inventory next = ReportFixtures.read("/dev/piiwarden/core/report/fixture-inventory-next.json");
    assertGolden("diff." + format.name().toLowerCase(), format.render(InventoryDiff.compare(base, next)));
  }

  @Test
  void noChanges() {
    Inventory base = ReportFixtures.inventory();
    assertGolden("diff-none.text", DiffFormat.TEXT.render(InventoryDiff.compare(base, base)));
  }
}

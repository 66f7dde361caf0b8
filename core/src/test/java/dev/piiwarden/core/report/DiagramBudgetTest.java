package dev.piiwarden.core.report;

import static dev.piiwarden.core.report.ReportFixtures.assertGolden;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.report.diagram.DataFlowDiagram;
import dev.piiwarden.core.report.diagram.DiagramFormat;
import dev.piiwarden.core.report.diagram.DiagramModel;
import dev.piiwarden.core.report.diagram.DiagramModel.Node;
import dev.piiwarden.core.report.diagram.DiagramModel.Style;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A 100-element inventory where every category reaches every package stays within budget. */
class DiagramBudgetTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final Inventory LARGE = LargeInventory.generate();

  @Test
  void largeInventoryStaysWithinTheBudget() {
    assertEquals(100, LARGE.dataElements().size());
    DiagramModel model = DataFlowDiagram.DEFAULT.build(LARGE, TAXONOMY);
    int categoryEdges = model.categoryEdges();
    int sinkEdges = model.edges().size() - categoryEdges;
    assertTrue(categoryEdges <= DataFlowDiagram.MAX_EDGES, categoryEdges + " category edges");
    assertTrue(sinkEdges <= DataFlowDiagram.MAX_EDGES, sinkEdges + " sink edges");
    assertTrue(model.nodeCount() <= DataFlowDiagram.MAX_NODES, model.nodeCount() + " nodes");
    // The exact picture: 2 category nodes, 10 packages, 5 sinks; 2 x 10 + 30 edges.
    assertEquals(17, model.nodeCount());
    assertEquals(20, categoryEdges);
    assertEquals(30, sinkEdges);
  }

  @Test
  void collapsedCategoriesKeepTheSpecialFlagAndListEveryCategory() {
    DiagramModel model = DataFlowDiagram.DEFAULT.build(LARGE, TAXONOMY);
    List<Node> categories = model.groups().get(0).nodes();
    assertEquals(List.of(Style.SPECIAL, Style.CATEGORY), categories.stream().map(Node::style).toList());
    Set<String> listed = new TreeSet<>();
    categories.forEach(n -> n.rows().forEach(row -> listed.add(row.get(0))));
    assertEquals(new TreeSet<>(LargeInventory.CATEGORIES), listed);
    Set<String> special = new TreeSet<>();
    categories.get(0).rows().forEach(row -> special.add(row.get(0)));
    assertEquals(Set.of("user.biometric.fingerprint", "user.criminal_history", "user.demographic.religious_belief",
        "user.health_and_medical.genetic", "user.health_and_medical.record_id"), special);
    assertTrue(special.stream().allMatch(TAXONOMY::isSpecial));
  }

  @Test
  void fullDetailDrawsTheHairball() {
    DiagramModel model = DataFlowDiagram.FULL.build(LARGE, TAXONOMY);
    assertEquals(25 + 80 + 5, model.nodeCount());
    assertTrue(model.categoryEdges() > 5 * DataFlowDiagram.MAX_EDGES, model.categoryEdges() + " category edges");
  }

  @Test
  void budgetCollapsesPackagesToShorterPrefixesWhenTwoCategoryNodesAreNotEnough() {
    DataFlowDiagram tight = new DataFlowDiagram(DataFlowDiagram.MAX_CATEGORIES,
        DataFlowDiagram.MAX_ACTIVITIES_PER_CLASS, DataFlowDiagram.MAX_CLASSES, 10, DataFlowDiagram.MAX_NODES);
    DiagramModel model = tight.build(LARGE, TAXONOMY);
    assertEquals(List.of("com.acme.*"), model.groups().get(1).nodes().stream().map(n -> n.lines().get(0)).toList());
    assertTrue(model.categoryEdges() <= 10 && model.edges().size() - model.categoryEdges() <= 10);
  }

  @Test
  void smallFixtureIsNotCollapsed() {
    DiagramModel model = DataFlowDiagram.DEFAULT.build(ReportFixtures.inventory(), TAXONOMY);
    assertEquals(DataFlowDiagram.FULL.build(ReportFixtures.inventory(), TAXONOMY), model);
  }

  @ParameterizedTest
  @EnumSource(DiagramFormat.class)
  void largeGolden(DiagramFormat format) {
    String name = "diagram-100." + (format == DiagramFormat.DOT ? "dot" : "mmd");
    assertGolden(name, format.render(DataFlowDiagram.DEFAULT.build(LARGE, TAXONOMY)));
  }
}

package dev.piiwarden.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryJson;
import dev.piiwarden.core.report.diagram.DataFlowDiagram;
import dev.piiwarden.core.report.diagram.DiagramFormat;
import dev.piiwarden.core.report.diagram.DiagramModel;
import dev.piiwarden.core.report.diagram.DiagramModel.Edge;
import dev.piiwarden.core.report.diagram.DiagramModel.Group;
import dev.piiwarden.core.report.diagram.DiagramModel.Node;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sink nodes of the data-flow diagram: one per kind, with what the application writes into its
 * own HTTP responses apart from the services it calls over HTTP, as the records of processing tell
 * the two recipients apart.
 */
class DiagramSinksTest {
  private static final String INVENTORY = """
      {"schema": "piiwarden-inventory/1",
       "dataElements": [
         {"id": "com.acme.User#email", "type": "com.acme.User", "member": "email", "kind": "FIELD",
          "category": "user.contact.email", "purposes": ["essential.service"], "subject": "customer",
          "basis": "CONTRACT", "redaction": "MASK", "special": false, "sensitive": false}],
       "activities": [
         {"id": "com.acme.AccountController#get(java.lang.String)", "type": "com.acme.AccountController",
          "method": "get(java.lang.String)", "name": "Web API", "purposes": ["essential.service"],
          "reads": ["com.acme.User#email"], "calls": [],
          "sinks": [
            {"kind": "HTTP", "target": "org.springframework.web.bind.annotation.RestController#return", "line": 30,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"},
            {"kind": "HTTP", "target": "java.net.http.HttpClient#send", "line": 29,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"},
            {"kind": "LOG", "target": "org.slf4j.Logger#info", "line": 31,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"}]},
         {"id": "com.acme.Pages#profile(com.acme.User,org.springframework.ui.Model)", "type": "com.acme.Pages",
          "method": "profile(com.acme.User,org.springframework.ui.Model)", "name": "Profile page",
          "purposes": ["essential.service"], "reads": ["com.acme.User#email"], "calls": [],
          "sinks": [
            {"kind": "HTTP", "target": "org.springframework.ui.Model#addAttribute", "line": 12,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"}]},
         {"id": "com.acme.Mailer#welcome(com.acme.User)", "type": "com.acme.Mailer",
          "method": "welcome(com.acme.User)", "name": "Welcome mail",
          "purposes": ["essential.service"], "reads": ["com.acme.User#email"], "calls": [],
          "sinks": [
            {"kind": "MESSAGING", "target": "jakarta.mail.Message#setRecipient", "line": 8,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"},
            {"kind": "MESSAGING", "target": "org.apache.kafka.clients.producer.Producer#send", "line": 9,
             "elements": ["com.acme.User#email"], "confidence": "DIRECT"}]}],
       "flows": []}
      """;

  private static DiagramModel model() {
    Inventory inventory = InventoryJson.read(INVENTORY.getBytes(StandardCharsets.UTF_8), "inventory.json");
    return DataFlowDiagram.DEFAULT.build(inventory, Taxonomy.builtIn());
  }

  @Test
  void responsesAreANodeOfTheirOwnBesideTheServicesCalled() {
    DiagramModel model = model();
    Group sinks = model.groups().get(model.groups().size() - 1);
    assertEquals(List.of(List.of("LOG", "org.slf4j.Logger#info"), List.of("HTTP", "java.net.http.HttpClient#send"),
            List.of("HTTP responses", "2 targets"),
            List.of("MESSAGING", "org.apache.kafka.clients.producer.Producer#send"),
            List.of("MESSAGING e-mail", "jakarta.mail.Message#setRecipient")),
        sinks.nodes().stream().map(Node::lines).toList());
    Map<String, String> labels = model.groups().stream().flatMap(g -> g.nodes().stream())
        .collect(Collectors.toMap(Node::id, n -> n.lines().get(0)));
    List<String> edges = model.edges().stream().filter(e -> e.to().startsWith("s"))
        .map(e -> labels.get(e.from()) + " -> " + labels.get(e.to()) + " x" + e.count()).sorted().toList();
    assertEquals(List.of("Profile page -> HTTP responses x1", "Web API -> HTTP responses x1", "Web API -> HTTP x1",
        "Web API -> LOG x1", "Welcome mail -> MESSAGING e-mail x1", "Welcome mail -> MESSAGING x1"), edges);
  }

  @Test
  void theDrawnDiagramNamesTheResponsesNode() {
    String mermaid = DiagramFormat.MERMAID.render(model());
    assertTrue(mermaid.contains("HTTP responses"), mermaid);
  }
}

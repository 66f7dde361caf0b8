package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.SourceLocation;
import dev.piiwarden.core.policy.DefaultPolicy;
import dev.piiwarden.core.policy.Finding;
import dev.piiwarden.core.policy.PolicyCheck;
import dev.piiwarden.core.policy.SarifLog;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each activity records where its method is declared, so a policy finding about an activity that
 * makes no sink call still has a line.
 */
class ActivityLocationTest {
  private static final String LEAD = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ProcessingActivity(name = "Lead capture", purposes = Purpose.MARKETING_COMMUNICATIONS_EMAIL)
      public class Lead {
        @PersonalData(category = Category.USER_FINANCIAL_CREDIT_CARD, basis = LawfulBasis.CONTRACT,
            purposes = Purpose.MARKETING_COMMUNICATIONS_EMAIL)
        String card;

        public void campaign() {} // campaign

        @ProcessingActivity(name = "Scoring") // scoring
        @Deprecated
        public int score() {
          return card.length();
        }

        public static class Desk {
          String peek(Lead lead) { // peek
            return lead.card;
          }
        }
      }
      """;

  @Test
  void everyActivityHasItsDeclarationsFileAndFirstLine() {
    FlowCompilation result = FlowCompilation.compile(FlowCompilation.source("com.acme.Lead", LEAD));
    assertThat(result.compilation).succeeded();
    assertThat(result.activity("com.acme.Lead", "com.acme.Lead#campaign()").source())
        .isEqualTo(new SourceLocation("com/acme/Lead.java", FlowCompilation.line(LEAD, "campaign")));
    assertThat(result.activity("com.acme.Lead", "com.acme.Lead#score()").source())
        .isEqualTo(new SourceLocation("com/acme/Lead.java", FlowCompilation.line(LEAD, "scoring")));
    assertThat(result.activity("com.acme.Lead", "com.acme.Lead$Desk#peek(com.acme.Lead)").source())
        .isEqualTo(new SourceLocation("com/acme/Lead.java", FlowCompilation.line(LEAD, "peek")));
  }

  @Test
  void theFragmentWritesItAsTheActivitysSource() throws IOException {
    FlowCompilation result = FlowCompilation.compile(FlowCompilation.source("com.acme.Lead", LEAD));
    JsonNode activities = new ObjectMapper().readTree(result.bytes("com.acme.Lead")).get("activities");
    JsonNode campaign = null;
    for (JsonNode activity : activities) {
      if (activity.get("id").asText().equals("com.acme.Lead#campaign()")) {
        campaign = activity;
      }
    }
    assertThat(campaign).isNotNull();
    assertThat(campaign.get("source").get("file").asText()).isEqualTo("com/acme/Lead.java");
    assertThat(campaign.get("source").get("line").asInt()).isEqualTo(FlowCompilation.line(LEAD, "campaign"));
  }

  @Test
  void declarationsOnlyFragmentsHaveItToo() {
    FlowCompilation result =
        FlowCompilation.compile(List.of("-Apiiwarden.flow=false"), FlowCompilation.source("com.acme.Lead", LEAD));
    assertThat(result.compilation).succeeded();
    assertThat(result.activity("com.acme.Lead", "com.acme.Lead#campaign()").source())
        .isEqualTo(new SourceLocation("com/acme/Lead.java", FlowCompilation.line(LEAD, "campaign")));
  }

  @Test
  void aConsentFindingWithoutSinkCallsIsOnTheMethodsLineInTextAndSarif() throws IOException {
    FlowCompilation result = FlowCompilation.compile(FlowCompilation.source("com.acme.Lead", LEAD));
    Inventory inventory = result.merged();
    Taxonomy taxonomy = Taxonomy.builtIn();
    var policy = DefaultPolicy.load(taxonomy);
    List<Finding> findings = PolicyCheck.run(policy, inventory, taxonomy).stream()
        .filter(f -> f.about().equals("com.acme.Lead#campaign()")).toList();
    assertThat(findings).hasSize(1);
    int line = FlowCompilation.line(LEAD, "campaign");
    assertThat(findings.get(0).rule().id()).startsWith("PWP003");
    assertThat(findings.get(0).location()).isEqualTo("com/acme/Lead.java:" + line);

    JsonNode results = new ObjectMapper().readTree(SarifLog.render(policy, findings, "src/main/java", "test"))
        .get("runs").get(0).get("results");
    JsonNode location = results.get(0).get("locations").get(0).get("physicalLocation");
    assertThat(location.get("artifactLocation").get("uri").asText()).isEqualTo("src/main/java/com/acme/Lead.java");
    assertThat(location.get("region").get("startLine").asInt()).isEqualTo(line);
  }
}

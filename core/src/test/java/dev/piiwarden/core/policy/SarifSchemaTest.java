package dev.piiwarden.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.piiwarden.core.report.ReportFixtures;
import dev.piiwarden.core.taxonomy.Taxonomy;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SARIF output validates against the official SARIF 2.1.0 JSON schema (a test resource). */
class SarifSchemaTest {
  @Test
  void sarifOfTheDefaultPolicyIsValid() throws Exception {
    Taxonomy taxonomy = Taxonomy.builtIn();
    Policy policy = DefaultPolicy.load(taxonomy);
    String sarif = SarifLog.render(policy, PolicyCheck.run(policy, ReportFixtures.inventory(), taxonomy), "src/main/java", "0.1.0");
    assertEquals(Set.of(), validate(sarif));
  }

  @Test
  void sarifWithoutFindingsIsValid() throws Exception {
    Policy policy = DefaultPolicy.load(Taxonomy.builtIn());
    assertEquals(Set.of(), validate(SarifLog.render(policy, List.of(), "", "0.1.0")));
  }

  private static Set<ValidationMessage> validate(String sarif) throws Exception {
    try (InputStream schema = SarifSchemaTest.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
      JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
      JsonNode document = new ObjectMapper().readTree(sarif);
      return validator.validate(document);
    }
  }
}

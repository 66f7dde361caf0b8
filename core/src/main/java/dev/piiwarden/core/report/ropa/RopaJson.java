package dev.piiwarden.core.report.ropa;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.piiwarden.core.report.ReportJson;
import java.util.List;

/**
 * The record as JSON, schema {@code piiwarden-ropa/1}:
 *
 * <pre>
 * {"schema": "piiwarden-ropa/1",
 *  "controller": {"name", "contact"}, "dpo": {…}, "representative": {…},   (absent when not configured)
 *  "withoutBodyAnalysis": [class, …],   (absent when every class was analysed)
 *  "activities": [{"id", "name", "title",
 *     "purposes": [{"key", "name"}], "lawfulBases": ["CONTRACT (Art. 6(1)(b))"],
 *     "dataPurposes": [{"key", "name"}], "dataBases": ["CONSENT (Art. 6(1)(a))"],   (no declared purposes only)
 *     "subjects": [{"key", "name"}],
 *     "categories": [{"key", "name", "special", "sensitive", "condition"}],   (condition: special only)
 *     "recipients": [...], "recipientCategories": [...], "sinks": [...],
 *     "transfers": [...], "retention": [...], "measures": [...]}]}
 * </pre>
 *
 * <p>{@code name} is the {@code @ProcessingActivity} name (else {@code Type.method}), {@code title} the
 * name told apart from other activities of the same name by the method. {@code purposes} are the
 * purposes the activity declares, empty when it declares none; then {@code lawfulBases} is {@code
 * ["not declared"]}, and {@code dataPurposes} and {@code dataBases} give the purposes and bases the
 * data it reads was collected for (these two are present only then). Activities with personal data
 * (or consent) come first. {@code recipients} lists the sink calls ({@code "DATABASE:
 * java.sql.PreparedStatement#setString"}) and then the configured third parties; {@code
 * recipientCategories} the same recipients as categories ({@code "Databases"}, one per kind of sink,
 * then the third parties), and {@code sinks} the sink calls alone. {@code transfers} is {@code ["not
 * declared"]} when the configuration says nothing about transfers, empty when it declares none.
 */
public final class RopaJson {
  /** The schema id of the document. */
  public static final String SCHEMA = "piiwarden-ropa/1";

  private RopaJson() {}

  /** The JSON text, ending with a newline. */
  public static String render(RopaRecord record) {
    ObjectNode root = ReportJson.object();
    root.put("schema", SCHEMA);
    party(root, "controller", record.controller());
    party(root, "dpo", record.dpo());
    party(root, "representative", record.representative());
    if (!record.withoutBodyAnalysis().isEmpty()) {
      ArrayNode unanalysed = root.putArray("withoutBodyAnalysis");
      record.withoutBodyAnalysis().forEach(unanalysed::add);
    }
    ArrayNode activities = root.putArray("activities");
    for (RopaActivity a : record.activities()) {
      ObjectNode node = activities.addObject();
      node.put("id", a.id());
      node.put("name", a.name());
      node.put("title", a.title());
      keyNames(node.putArray("purposes"), a.purposes());
      texts(node.putArray("lawfulBases"), a.lawfulBases());
      if (a.purposes().isEmpty()) {
        keyNames(node.putArray("dataPurposes"), a.dataPurposes());
        texts(node.putArray("dataBases"), a.dataBases());
      }
      keyNames(node.putArray("subjects"), a.subjects());
      ArrayNode categories = node.putArray("categories");
      for (CategoryEntry c : a.categories()) {
        ObjectNode category = categories.addObject();
        category.put("key", c.key());
        category.put("name", c.name());
        category.put("special", c.special());
        category.put("sensitive", c.sensitive());
        if (c.condition() != null) {
          category.put("condition", c.condition());
        }
      }
      texts(node.putArray("recipients"), a.recipients());
      texts(node.putArray("recipientCategories"), a.recipientCategories());
      texts(node.putArray("sinks"), a.sinks());
      texts(node.putArray("transfers"), a.transfers());
      texts(node.putArray("retention"), a.retention());
      texts(node.putArray("measures"), a.measures());
    }
    return ReportJson.write(root);
  }

  private static void party(ObjectNode root, String field, Party party) {
    if (party != null) {
      ObjectNode node = root.putObject(field);
      node.put("name", party.name());
      if (party.contact() != null) {
        node.put("contact", party.contact());
      }
    }
  }

  private static void keyNames(ArrayNode array, List<KeyName> keyNames) {
    keyNames.forEach(k -> array.addObject().put("key", k.key()).put("name", k.name()));
  }

  private static void texts(ArrayNode array, List<String> texts) {
    texts.forEach(array::add);
  }
}

package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kotlin suspend functions with {@code @ConsentRequired} ({@code src/test/kotlin}, compiled by the
 * Kotlin compiler): a function that suspends is re-entered by Kotlin on resumption with its
 * arguments null; that entry is the same call going on, not a new one to check. A granted call
 * runs to its end, on the caller's thread or a pool's, with the subject from a parameter or the
 * privacy context; each call is decided and audited once; a skipped one returns the default of
 * the type it gives its caller (and a function returning a {@code Flow}, an empty one). Called
 * from Java, the overloads of {@code @JvmOverloads} and a {@code @JvmStatic} bridge, which Kotlin
 * gives the same annotation, are not decided themselves: the function they reach is, once.
 */
class KotlinCoroutinesIT {
  private static final String SEND = "com.acme.kotlin.Newsletter#send(com.acme.kotlin.Customer,"
      + "kotlin.coroutines.Continuation)";

  @TempDir Path folder;

  @Test
  void suspendFunctionsAreDecidedOnceAndRunToTheirEndWhenGranted() throws Exception {
    Path trail = folder.resolve("piiwarden-audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current()
        .agent("audit.sink=jsonl:" + trail)
        .run(List.of("-cp", classPath(), "com.acme.kotlin.CoroutineAppKt"));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", ConsentEnforcementIT.agentLines(run.stderr()), run::toString);
    assertEquals("denied:NOT_GRANTED", run.outcome("first"));
    assertEquals("ran:0", run.outcome("skippedList"), "an empty List");
    assertEquals("ran:1", run.outcome("skippedInt"), "0, boxed");
    assertEquals("ran:kotlin.Unit", run.outcome("skippedUnit"), "Unit");
    assertEquals("ran:0", run.outcome("skippedFlow"), "an empty Flow");
    assertEquals("denied:NOT_GRANTED", run.outcome("overloadDenied"));
    assertEquals("denied:NOT_GRANTED", run.outcome("bridgeDenied"));
    assertEquals("ran:reminded cust-42 by email", run.outcome("overload"));
    assertEquals("ran:reminded cust-42 by email now", run.outcome("overloadUrgent"));
    assertEquals("ran:blasted cust-42", run.outcome("bridge"));
    assertEquals("ran:sent to cust-42", run.outcome("granted"), run::toString);
    assertEquals("ran:sent to cust-42", run.outcome("grantedOnPool"), run::toString);
    assertEquals("ran:sent to cust-42", run.outcome("grantedFromContext"), run::toString);
    assertEquals("ran:1", run.outcome("grantedList"), run::toString);
    assertEquals("denied:WITHDRAWN", run.outcome("withdrawn"));
    assertEquals("denied:WITHDRAWN", run.outcome("interfaceDenied"), "a Kotlin interface's suspend fun");
    assertEquals("denied:WITHDRAWN", run.outcome("interfacePingDenied"));
    assertEquals("ran:mailed cust-42", run.outcome("interface"), run::toString);
    assertEquals("ran:pinged cust-42", run.outcome("interfacePing"), run::toString);

    List<String> decisions = new ArrayList<>();
    for (JsonNode event : AccessAllIT.events(trail)) {
      String type = event.get("type").asText();
      if (type.startsWith("consent.granted") || type.startsWith("consent.denied")) {
        String activity = event.get("activity").asText();
        decisions.add(type + " " + (activity.contains("#remind") || activity.contains("#blast")
            ? activity : activity.replaceFirst("\\(.*", "")));
      }
    }
    assertEquals(List.of(
        "consent.denied com.acme.kotlin.Newsletter#send",
        "consent.denied com.acme.kotlin.Newsletter#topics",
        "consent.denied com.acme.kotlin.Newsletter#count",
        "consent.denied com.acme.kotlin.Newsletter#touch",
        "consent.denied com.acme.kotlin.Newsletter#updates",
        "consent.denied com.acme.kotlin.Newsletter#remind(com.acme.kotlin.Customer,boolean,java.lang.String)",
        "consent.denied com.acme.kotlin.Newsletter$Companion#blast(com.acme.kotlin.Customer)",
        "consent.granted com.acme.kotlin.Newsletter#send",
        "consent.granted com.acme.kotlin.Newsletter#send",
        "consent.granted com.acme.kotlin.Newsletter#sendToCurrent",
        "consent.granted com.acme.kotlin.Newsletter#topics",
        "consent.granted com.acme.kotlin.Newsletter#remind(com.acme.kotlin.Customer,boolean,java.lang.String)",
        "consent.granted com.acme.kotlin.Newsletter#remind(com.acme.kotlin.Customer,boolean,java.lang.String)",
        "consent.granted com.acme.kotlin.Newsletter$Companion#blast(com.acme.kotlin.Customer)",
        "consent.denied com.acme.kotlin.Newsletter#send",
        "consent.denied com.acme.kotlin.KotlinMailer#mail",
        "consent.denied com.acme.kotlin.KotlinMailer#ping",
        "consent.granted com.acme.kotlin.KotlinMailer#mail",
        "consent.granted com.acme.kotlin.KotlinMailer#ping"), decisions, "one decision per call");
    assertEquals(SEND, AccessAllIT.events(trail).stream()
        .filter(event -> event.get("type").asText().equals("consent.granted"))
        .findFirst().orElseThrow().get("activity").asText());
  }

  /** The fixture, the API, Kotlin's standard library and kotlinx.coroutines. */
  private static String classPath() throws URISyntaxException {
    List<String> entries = new ArrayList<>(List.of(
        FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    for (Class<?> library : List.of(kotlin.Unit.class, kotlinx.coroutines.BuildersKt.class)) {
      entries.add(FixtureJvm.locationOf(library).toString());
    }
    return String.join(File.pathSeparator, entries);
  }
}

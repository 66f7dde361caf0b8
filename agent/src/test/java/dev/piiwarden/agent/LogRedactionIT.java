package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.fixture.logging.LoggingFixtureApp;
import com.acme.fixture.logging.PersonalValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.piiwarden.core.audit.AuditKey;
import dev.piiwarden.core.audit.AuditVerifier;
import dev.piiwarden.core.audit.VerificationReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JVMs with the agent log personal data through Logback, Log4j2 and java.util.logging into
 * real files; the files hold none of it, and the rest of every line is as it was.
 */
class LogRedactionIT {
  private static final Path LOG_LIBS = Path.of(System.getProperty("piiwarden.log-libs", "target/log-libs"));
  private static final List<String> LOGBACK =
      List.of("slf4j-api", "jul-to-slf4j", "logback-classic", "logback-core", "logstash-logback-encoder",
          "jackson-", "log4j-api", "log4j-to-slf4j");
  private static final List<String> LOG4J =
      List.of("slf4j-api", "log4j-api", "log4j-core", "log4j-slf4j2-impl", "log4j-layout-template-json", "disruptor");
  private static final List<String> SPRING_BOOT_LOG4J =
      List.of("slf4j-api", "log4j-api", "log4j-core", "log4j-slf4j2-impl", "spring-", "micrometer-");
  private static final List<String> SPRING_BOOT_LOGBACK =
      List.of("slf4j-api", "logback-classic", "logback-core", "spring-", "micrometer-");
  private static final List<String> JBOSS =
      List.of("jboss-logmanager", "jboss-logging", "smallrye-common-", "jakarta.json-api", "parsson");
  private static final String MASKED_LINE =
      "mail [REDACTED:email] tel [REDACTED:phone] card [REDACTED:card] iban [REDACTED:iban]"
          + " from [REDACTED:ip] ssn [REDACTED:ssn] password=[REDACTED:credential]";
  private static final String CLEAN = "case=clean order 1234 shipped in 2.5 days, version 1.2.3";
  private static final String LOOKUP = "com.acme.fixture.logging.ExceptionTextFixture$LookupException";
  private static final String CARD_EXCEPTION = "com.acme.fixture.logging.ExceptionTextFixture$CardException";
  private static final String UNREADABLE = "com.acme.fixture.logging.ExceptionTextFixture$UnreadableMessageException";

  @TempDir Path folder;

  @Test
  void logbackFileAppenderHoldsNoPersonalData() throws Exception {
    Path log = run("slf4j", LOGBACK, "-Dlogback.configurationFile=" + config("logback-file.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=message " + MASKED_LINE + " mdc=[] kv=[]", line(text, "case=message"));
    // a message without arguments whose only personal data is an e-mail address
    assertEquals("INFO fixture literal case, mail sent to [REDACTED:email] mdc=[] kv=[]", line(text, "literal case"));
    assertEquals("INFO fixture case=arguments user [REDACTED:email] called from [REDACTED:ip] on [REDACTED:phone]"
        + " mdc=[] kv=[]", line(text, "case=arguments"));
    assertEquals("INFO fixture case=mdc ordinary text mdc=[db.password=[REDACTED:credential], customer=[REDACTED:email]] kv=[]", line(text, "case=mdc"));
    // values of credential keys (db.password, apiKey) are replaced whole, as after password= in text
    assertEquals("INFO fixture case=kv ordinary text mdc=[] kv=[phone=\"[REDACTED:phone]\" apiKey=\"[REDACTED:credential]\"]",
        line(text, "case=kv"));
    assertEquals("INFO fixture " + CLEAN + " mdc=[] kv=[]", line(text, "case=clean"));
    assertExceptionRedactedWithFrames(text);
  }

  /**
   * The trail written through the {@code slf4j:} sink to the application's Logback: the hooks
   * leave its lines exactly as sealed, though a redaction key names what every record holds
   * ({@code type}) and the application's own line is redacted by it.
   */
  @Test
  void auditLinesLoggedThroughTheSlf4jSinkAreLeftAsSealed() throws Exception {
    Path key = folder.resolve("audit.key");
    Path log = runWith("audit.sink=slf4j:piiwarden.audit,audit.key-file=" + key + ",redaction.keys=type",
        "audit-logger", LOGBACK, "-Dlogback.configurationFile=" + config("logback-file.xml"));
    String text = Files.readString(log);
    assertEquals("INFO fixture case=app {\"type\":\"[REDACTED:credential]\"} for [REDACTED:email] mdc=[] kv=[]",
        line(text, "case=app"));
    String prefix = "INFO piiwarden.audit ";
    String suffix = " mdc=[] kv=[]";
    List<String> records = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix) && line.endsWith(suffix)) {
        records.add(line.substring(prefix.length(), line.length() - suffix.length()));
      }
    }
    List<String> types = new ArrayList<>();
    for (String record : records) {
      types.add(new ObjectMapper().readTree(record).get("type").asText());
    }
    assertEquals(List.of("agent.started", "redaction", "agent.stopped"), types, text);
    Path trail = Files.write(folder.resolve("from-log.jsonl"), records);
    VerificationReport report = new AuditVerifier(AuditKey.load(key)).verify(List.of(trail));
    assertTrue(report.ok(), () -> report.finding().orElseThrow().describe() + "\n" + text);
  }

  /**
   * The agent relocates {@code dev.piiwarden.annotations}; core's object rendering finds the
   * application's {@code @PersonalData} and descriptors by name through the object's class loader.
   */
  @Test
  void annotatedObjectArgumentsAreRenderedByTheirAnnotations() throws Exception {
    Path log = run("slf4j", LOGBACK, "-Dlogback.configurationFile=" + config("logback-file.xml"));
    String text = Files.readString(log);
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc=[] kv=[]",
        line(text, "case=annotated "));
    assertEquals("INFO fixture case=annotated-list [Patient{name=[REDACTED:user.name]}] mdc=[] kv=[]",
        line(text, "case=annotated-list"));
    assertEquals("INFO fixture case=descriptor BankAccount{owner=acct-7, iban=******************3000} mdc=[] kv=[]",
        line(text, "case=descriptor"));
  }

  /**
   * An appender that reads the exception itself ({@code ThrowableProxy.getThrowable()}, as
   * Sentry's and OpenTelemetry's do) gets the stand-in: redacted messages through the cause and
   * the suppressed exception, each proxy giving its own part of that chain, the original frames and
   * class name in the trace; the application's exception is left as it was.
   */
  @Test
  void anAppenderReadingTheThrowableGetsTheRedactedStandIn() throws Exception {
    Path log = run("throwable-reader", LOGBACK, "-Dlogback.configurationFile=" + config("logback-throwable.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("thrown.message=could not bill [REDACTED:email]", line(text, "thrown.message="));
    assertEquals("proxy.message=could not bill [REDACTED:email]", line(text, "proxy.message="));
    assertEquals("thrown.string=java.lang.IllegalStateException: could not bill [REDACTED:email]",
        line(text, "thrown.string="));
    assertEquals("cause.message=card holder at [REDACTED:ip]", line(text, "cause.message="));
    assertEquals("suppressed.message=rollback for [REDACTED:phone]", line(text, "suppressed.message="));
    assertEquals("cause.proxy-gives-the-chain=true", line(text, "cause.proxy-gives-the-chain="));
    assertEquals("suppressed.proxy-gives-the-chain=true", line(text, "suppressed.proxy-gives-the-chain="));
    assertEquals("frames.kept=true", line(text, "frames.kept="));
    assertExceptionRedactedWithFrames(text);
    assertEquals("event=case=original-unchanged true", line(text, "case=original-unchanged"));
  }

  @Test
  void logstashJsonThroughAsyncAppenderStaysValidJson() throws Exception {
    Path log = run("slf4j", LOGBACK, "-Dlogback.configurationFile=" + config("logback-json.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    List<JsonNode> events = json(log);
    assertEquals("case=message " + MASKED_LINE, message(events, "case=message").get("message").asText());
    assertEquals("[REDACTED:email]", message(events, "case=mdc").get("customer").asText());
    assertEquals("[REDACTED:phone]", message(events, "case=kv").get("phone").asText());
    assertEquals("[REDACTED:credential]", message(events, "case=mdc").get("db.password").asText());
    assertEquals("[REDACTED:credential]", message(events, "case=kv").get("apiKey").asText());
    assertEquals(CLEAN, message(events, "case=clean").get("message").asText());
    String trace = message(events, "case=exception").get("stack_trace").asText();
    assertTrue(trace.startsWith("java.lang.IllegalStateException: could not bill [REDACTED:email]"), trace);
    assertTrue(trace.contains("Caused by: java.lang.IllegalArgumentException: card holder at [REDACTED:ip]"), trace);
    assertTrue(trace.contains("at com.acme.fixture.logging.LoggingFixtureApp.failure(LoggingFixtureApp.java:"), trace);
  }

  /**
   * logstash-logback-encoder's {@code rawMessage} writes the message before its placeholders are
   * filled: a template that holds personal data is written redacted with its placeholders where
   * they were (one right after {@code password=} too), a message without arguments as its redacted
   * text, and clean templates as they were.
   */
  @Test
  void logstashRawMessageIsRedactedWithItsPlaceholdersKept() throws Exception {
    Path log = run("slf4j", LOGBACK, "-Dlogback.configurationFile=" + config("logback-json-raw.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    List<JsonNode> events = json(log);
    JsonNode template = message(events, "case=template");
    assertEquals("case=template mail [REDACTED:email] order A-10428 password=[REDACTED:credential]",
        template.get("message").asText());
    assertEquals("case=template mail [REDACTED:email] order {} password={}", template.get("raw_message").asText());
    assertEquals("literal case, mail sent to [REDACTED:email]",
        message(events, "literal case").get("raw_message").asText());
    assertEquals("case=arguments user {} called from {} on {}",
        message(events, "case=arguments").get("raw_message").asText());
    assertEquals("case=message {}", message(events, "case=message").get("raw_message").asText());
    assertEquals(CLEAN, message(events, "case=clean").get("raw_message").asText());
  }

  /**
   * logstash-logback-encoder's markers and structured arguments are JSON fields of their own: each
   * holding personal data is written redacted under its own name (an annotated object's structure
   * kept, its annotated members by their redaction), and clean ones exactly as without the agent.
   */
  @Test
  void logstashMarkersAndStructuredArgumentsAreRedactedFieldsAndCleanOnesStayAsTheyWere() throws Exception {
    Path log = run("logstash", LOGBACK, "-Dlogback.configurationFile=" + config("logback-json.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    List<JsonNode> events = json(log);
    JsonNode structured = message(events, "case=structured user");
    assertEquals("case=structured user email=[REDACTED:email]", structured.get("message").asText());
    assertEquals("[REDACTED:email]", structured.get("email").asText());
    JsonNode markers = message(events, "case=markers");
    assertEquals("A-10428", markers.get("order").asText());
    assertEquals("[REDACTED:phone]", markers.get("phone").asText());
    assertEquals("[REDACTED:ip]", message(events, "case=marker-entries").get("ip").asText());
    assertEquals("[REDACTED:credential]", message(events, "case=structured-credential").get("password").asText());
    assertEquals("{\"name\":\"[REDACTED:user.name]\",\"plan\":\"gold\"}",
        message(events, "case=structured-annotated").get("subscriber").toString());
    JsonNode fields = message(events, "case=structured-fields");
    assertEquals("[REDACTED:user.name]", fields.get("name").asText());
    assertEquals("gold", fields.get("plan").asText());
    // an annotated object inside a list: its log-safe rendering, as in the message
    assertEquals("[Subscriber{name=[REDACTED:user.name]}]", message(events, "case=structured-nested").get("subscribers").asText());
    assertEquals("{\"mail\":\"[REDACTED:email]\"}", message(events, "case=raw-marker").get("contact").toString());
    assertEquals("[REDACTED:ip]", message(events, "case=deferred-marker").get("from").asText());
    JsonNode clean = message(events, "case=structured-clean");
    assertEquals("A-10428", clean.get("order").asText());
    assertEquals("[1,2]", clean.get("items").toString());
    assertEquals(Map.of("sku", "chair-2", "count", 2),
        new ObjectMapper().convertValue(message(events, "case=marker-clean").get("order"), Map.class));
  }

  /**
   * A marker named with personal data, or referencing one that is, is written with the names
   * redacted ({@code %marker}), the fluent API's too; a thread so named is written redacted
   * ({@code %thread}), for each of its events. A clean marker and a clean thread name are written
   * as they were, and the application's markers are left as they were, nothing registered.
   */
  @Test
  void logbackMarkerAndThreadNamesAreRedactedAndCleanOnesStayAsTheyWere() throws Exception {
    Path log = run("markers-threads", LOGBACK, "-Dlogback.configurationFile=" + config("logback-markers.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO [main] user:[REDACTED:email] fixture case=marker ordinary text", line(text, "case=marker "));
    assertEquals("INFO [main] audit [ user:[REDACTED:email] ] fixture case=marker-child ordinary text",
        line(text, "case=marker-child"));
    assertEquals("INFO [main] user:[REDACTED:email] fixture case=marker-fluent ordinary text",
        line(text, "case=marker-fluent"));
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread ordinary text", line(text, "case=thread "));
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread-again ordinary text",
        line(text, "case=thread-again"));
    assertEquals("INFO [main] billing fixture case=marker-clean ordinary text", line(text, "case=marker-clean"));
    assertEquals("INFO [worker-7]  fixture case=thread-clean ordinary text", line(text, "case=thread-clean"));
    assertEquals("INFO [main]  fixture case=marker-unchanged true", line(text, "case=marker-unchanged"));
  }

  /**
   * logstash-logback-encoder through an {@code AsyncAppender}: the markers' names ({@code tags},
   * a referenced marker's too) and the thread name ({@code thread_name}) redacted; clean ones as
   * they were.
   */
  @Test
  void logstashTagsAndThreadNameHoldNoPersonalData() throws Exception {
    Path log = run("markers-threads", LOGBACK, "-Dlogback.configurationFile=" + config("logback-json.xml"));
    assertNoPersonalData(Files.readString(log));
    List<JsonNode> events = json(log);
    assertEquals("[\"user:[REDACTED:email]\"]", message(events, "case=marker ").get("tags").toString());
    assertEquals("[\"audit\",\"user:[REDACTED:email]\"]", message(events, "case=marker-child").get("tags").toString());
    assertEquals("[\"user:[REDACTED:email]\"]", message(events, "case=marker-fluent").get("tags").toString());
    assertEquals("[\"billing\"]", message(events, "case=marker-clean").get("tags").toString());
    assertEquals("session:[REDACTED:email]", message(events, "case=thread ").get("thread_name").asText());
    assertEquals("session:[REDACTED:email]", message(events, "case=thread-again").get("thread_name").asText());
    assertEquals("worker-7", message(events, "case=thread-clean").get("thread_name").asText());
    assertEquals("main", message(events, "case=marker-clean").get("thread_name").asText());
    assertEquals("case=marker-unchanged true", message(events, "case=marker-unchanged").get("message").asText());
  }

  /** Log4j2's {@code %marker} (a parent's name too) and {@code %t}, as for Logback. */
  @Test
  void log4jMarkerAndThreadNamesAreRedactedAndCleanOnesStayAsTheyWere() throws Exception {
    Path log = run("log4j-markers-threads", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-markers.xml"));
    assertLog4jMarkerAndThreadNames(Files.readString(log));
  }

  /** The same through {@code AsyncLogger}s: the events reach the appenders on the ring buffer's thread. */
  @Test
  void log4jAsyncLoggerMarkerAndThreadNamesAreRedacted() throws Exception {
    Path log = run("log4j-markers-threads", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-markers.xml"),
        "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
    assertLog4jMarkerAndThreadNames(Files.readString(log));
  }

  private static void assertLog4jMarkerAndThreadNames(String text) {
    assertNoPersonalData(text);
    assertEquals("INFO [main] user:[REDACTED:email] fixture case=marker ordinary text", line(text, "case=marker "));
    assertEquals("INFO [main] audit[ user:[REDACTED:email] ] fixture case=marker-parent ordinary text",
        line(text, "case=marker-parent"));
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread ordinary text", line(text, "case=thread "));
    assertEquals("INFO [session:[REDACTED:email]]  fixture case=thread-again ordinary text",
        line(text, "case=thread-again"));
    assertEquals("INFO [main] billing fixture case=marker-clean ordinary text", line(text, "case=marker-clean"));
    assertEquals("INFO [worker-7]  fixture case=thread-clean ordinary text", line(text, "case=thread-clean"));
    assertEquals("INFO [main]  fixture case=marker-unchanged true", line(text, "case=marker-unchanged"));
  }

  /**
   * JBoss Logging over the JBoss LogManager (Quarkus, WildFly): printf and MessageFormat messages,
   * MDC and NDC, the exception and an annotated object redacted; a clean line as it was.
   */
  @Test
  void jbossLogManagerFileHoldsNoPersonalData() throws Exception {
    Path log = run("jboss", JBOSS, "-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=printf user [REDACTED:email] called from [REDACTED:ip] mdc= ndc=",
        line(text, "case=printf"));
    assertEquals("INFO fixture case=message-format user [REDACTED:email] mdc= ndc=", line(text, "case=message-format"));
    assertEquals("INFO fixture case=plain mail sent to [REDACTED:email] mdc= ndc=", line(text, "case=plain"));
    assertEquals("INFO fixture case=context ordinary text mdc=[REDACTED:email] ndc=order for [REDACTED:phone]",
        line(text, "case=context"));
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc= ndc=", line(text, "case=annotated"));
    assertEquals("INFO fixture " + CLEAN + " mdc= ndc=", line(text, "case=clean"));
    assertTrue(text.contains("ERROR fixture case=exception billing failed mdc= ndc=: java.lang.IllegalStateException:"
        + " could not bill [REDACTED:email]"), text);
    assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException: card holder at [REDACTED:ip]"), text);

    // the LogManager's JSON formatter names the exception by its own class, not the stand-in's
    Path json = Path.of(log + ".json");
    assertNoPersonalData(Files.readString(json));
    JsonNode exception = message(json(json), "case=exception").get("exception");
    assertEquals("java.lang.IllegalStateException", exception.get("exceptionType").asText(), exception::toString);
    assertEquals("could not bill [REDACTED:email]", exception.get("message").asText(), exception::toString);
    assertEquals("java.lang.IllegalArgumentException", exception.get("causedBy").get("exception").get("exceptionType")
        .asText(), exception::toString);
  }

  /**
   * A {@code MapMessage} stays one, its values redacted: JsonTemplateLayout's {@code map} resolver
   * still finds every key, the personal one redacted and the others as they were.
   */
  @Test
  void log4jMapMessageKeepsItsKeysWithTheValuesRedacted() throws Exception {
    Path log = run("log4j", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-json-map.xml"));
    assertNoPersonalData(Files.readString(log));
    JsonNode map = message(json(log), "case=\"map\"");
    assertEquals("case=\"map\" email=\"[REDACTED:email]\" event=\"signup\"", map.get("message").asText());
    assertEquals("signup", map.get("event").asText());
    assertEquals("[REDACTED:email]", map.get("mail").asText());
  }

  /** The context stack ({@code ThreadContext.push}, {@code %x}) is redacted entry by entry, in order. */
  @Test
  void log4jContextStackHoldsNoPersonalData() throws Exception {
    Path log = run("log4j", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-ndc.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=ndc ordinary text ndc=[checkout, order for [REDACTED:email]]", line(text, "case=ndc"));
    assertEquals("INFO fixture " + CLEAN + " ndc=[]", line(text, "case=clean"));
  }

  @Test
  void log4jPatternLayoutHoldsNoPersonalData() throws Exception {
    Path log = run("log4j", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-file.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=message " + MASKED_LINE + " mdc={}", line(text, "case=message"));
    assertEquals("INFO fixture literal case, mail sent to [REDACTED:email] mdc={}", line(text, "literal case"));
    assertEquals("INFO fixture case=arguments user [REDACTED:email] called from [REDACTED:ip] on [REDACTED:phone]"
        + " mdc={}", line(text, "case=arguments"));
    assertEquals("INFO fixture case=mdc ordinary text mdc={customer=[REDACTED:email], password=[REDACTED:credential]}", line(text, "case=mdc"));
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc={}",
        line(text, "case=annotated"));
    assertOtherMessageKindsRedacted(text);
    assertEquals("INFO fixture " + CLEAN + " mdc={}", line(text, "case=clean"));
    assertExceptionRedactedWithFrames(text);
  }

  /**
   * A MessageFormatMessage and a printf message (StringFormattedMessage) with an annotated object:
   * formatted again with the redacted parameters, as a {} message is, so the object is rendered
   * by its annotations, not by its {@code toString}.
   */
  private static void assertOtherMessageKindsRedacted(String text) {
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertEquals("INFO fixture case=message-format Patient{name=[REDACTED:user.name]} from [REDACTED:ip] mdc={}",
        line(text, "case=message-format"));
    assertEquals("INFO fixture case=printf Patient{name=[REDACTED:user.name]} at [REDACTED:email] mdc={}",
        line(text, "case=printf "));
    assertEquals("INFO fixture case=printf-number [REDACTED:card] for Patient{name=[REDACTED:user.name]} mdc={}",
        line(text, "case=printf-number"));
    assertEquals("INFO fixture [case=object-array, Patient{name=[REDACTED:user.name]}, [REDACTED:email]] mdc={}",
        line(text, "case=object-array"));
  }

  /**
   * SLF4J 2 over Log4j2 (log4j-slf4j2-impl) makes text of a key-value pair's value as it is added,
   * for the context map the event carries: an annotated object there is rendered by its
   * annotations, as in a message; text values are redacted as the context map's.
   */
  @Test
  void log4jSlf4jKeyValuePairsRenderAnnotatedObjectsByTheirAnnotations() throws Exception {
    Path log = run("slf4j", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-file.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertEquals("INFO fixture case=kv-annotated ordinary text"
        + " mdc={order=A-10428, patient=Patient{name=[REDACTED:user.name]}}", line(text, "case=kv-annotated"));
    assertEquals("INFO fixture case=kv ordinary text mdc={apiKey=[REDACTED:credential], phone=[REDACTED:phone]}",
        line(text, "case=kv "));
  }

  /** java.util.logging through log4j-jul's LogManager: Log4j2 events whose messages are MessageFormat's. */
  @Test
  void julThroughLog4jJulHoldsNoPersonalData() throws Exception {
    List<String> libraries = new ArrayList<>(LOG4J);
    libraries.add("log4j-jul");
    Path log = run("jul-to-log4j", libraries, "-Djava.util.logging.manager=org.apache.logging.log4j.jul.LogManager",
        "-Dlog4j2.configurationFile=" + config("log4j2-file.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertEquals("INFO fixture case=jul-bridged user [REDACTED:email] from [REDACTED:ip] mdc={}",
        line(text, "case=jul-bridged"));
    assertEquals("INFO fixture case=jul-annotated Patient{name=[REDACTED:user.name]} mdc={}",
        line(text, "case=jul-annotated"));
    assertEquals("INFO fixture case=jul-plain mail sent to [REDACTED:email] mdc={}", line(text, "case=jul-plain"));
  }

  @Test
  void log4jAsyncLoggerWithJsonTemplateLayoutThroughSlf4j() throws Exception {
    Path log = run("slf4j", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-json-async.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    List<JsonNode> events = json(log);
    assertEquals("case=message " + MASKED_LINE, message(events, "case=message").get("message").asText());
    assertEquals(CLEAN, message(events, "case=clean").get("message").asText());
    assertTrue(message(events, "case=mdc").toString().contains("\"customer\":\"[REDACTED:email]\""),
        () -> message(events, "case=mdc").toString());
    assertEquals("case=annotated Patient{name=[REDACTED:user.name]}",
        message(events, "case=annotated ").get("message").asText());
    assertEquals("case=annotated-list [Patient{name=[REDACTED:user.name]}]",
        message(events, "case=annotated-list").get("message").asText());
    JsonNode failure = message(events, "case=exception");
    assertEquals("could not bill [REDACTED:email]", failure.get("error.message").asText());
    // the exception and its root cause named by their own classes, not by the stand-in's
    assertEquals("java.lang.IllegalStateException", failure.get("error.type").asText());
    assertEquals("java.lang.IllegalArgumentException", failure.get("error.root_cause.type").asText());
    String trace = failure.get("error.stack_trace").asText();
    assertTrue(trace.contains("Caused by: java.lang.IllegalArgumentException: card holder at [REDACTED:ip]"), trace);
    assertTrue(trace.contains("at com.acme.fixture.logging.LoggingFixtureApp.failure(LoggingFixtureApp.java:"), trace);
  }

  /**
   * Spring Boot's structured logging names an exception by its class ({@code
   * ObjectUtils.nullSafeClassName} for Log4j2, the throwable proxy's class name for Logback): {@code
   * error.type} of {@code ecs} in the file, {@code _error_type} of {@code gelf} on the console.
   * Both give the exception's own class, not the redacted stand-in's, and neither holds personal
   * data.
   */
  @Test
  void springBootStructuredLoggingForLog4jNamesTheExceptionByItsOwnClass() throws Exception {
    assertSpringBootStructuredLogging("spring-boot-log4j2", SPRING_BOOT_LOG4J);
  }

  @Test
  void springBootStructuredLoggingForLogbackNamesTheExceptionByItsOwnClass() throws Exception {
    assertSpringBootStructuredLogging("spring-boot-logback", SPRING_BOOT_LOGBACK);
  }

  /**
   * Sentry's Logback appender sends an event's exceptions with their type and module, by which
   * Sentry groups issues: the exception's own, not the stand-in's; values and message redacted.
   * One of a type Sentry ignores is not sent.
   */
  @Test
  void sentryGetsTheExceptionsOwnTypeWithTheTextsRedacted() throws Exception {
    FixtureJvm.Result result = FixtureJvm.current().agent("audit.sink=none")
        .run(classPath("sentry", List.of("slf4j-api", "logback-classic", "logback-core", "sentry")));
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", agentLines(result.stderr()), result::toString);
    assertNoPersonalData(result.stdout());
    List<String> sent = result.stdout().lines().filter(line -> line.startsWith("sentry.")).toList();
    assertEquals(List.of(
        "sentry.exception=java.lang|IllegalArgumentException|card holder at [REDACTED:ip]",
        "sentry.exception=java.lang|IllegalStateException|could not bill [REDACTED:email]",
        "sentry.message=case=sentry billing failed for [REDACTED:email]"), sent, result::toString);
  }

  private void assertSpringBootStructuredLogging(String scenario, List<String> libraries) throws Exception {
    Path log = folder.resolve(scenario + ".log");
    FixtureJvm.Result result = FixtureJvm.current().agent("audit.sink=none").property("logFile", log.toString())
        .run(classPath(scenario, libraries));
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", agentLines(result.stderr()), result::toString);
    assertNoPersonalData(Files.readString(log));
    assertNoPersonalData(result.stdout());

    List<JsonNode> ecs = json(log);
    JsonNode failure = message(ecs, "case=spring-exception");
    assertEquals("java.lang.IllegalStateException", failure.get("error.type").asText(), failure::toString);
    assertEquals("could not bill [REDACTED:email]", failure.get("error.message").asText());
    assertTrue(failure.get("error.stack_trace").asText()
        .contains("Caused by: java.lang.IllegalArgumentException: card holder at [REDACTED:ip]"), failure::toString);
    assertEquals("case=spring-message " + MASKED_LINE, message(ecs, "case=spring-message").get("message").asText());

    JsonNode gelf = null;
    for (String line : result.stdout().split("\n")) {
      if (line.startsWith("{") && line.contains("case=spring-exception")) {
        gelf = new ObjectMapper().readTree(line);
      }
    }
    assertTrue(gelf != null, result::toString);
    assertEquals("java.lang.IllegalStateException", gelf.get("_error_type").asText(), gelf.toString());
    assertEquals("could not bill [REDACTED:email]", gelf.get("_error_message").asText(), gelf.toString());
  }

  @Test
  void julFileHandlerHoldsNoPersonalData() throws Exception {
    Path log = run("jul", List.of(), "-Djava.util.logging.SimpleFormatter.format=%4$s %3$s %5$s%n%6$s");
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=message " + MASKED_LINE, line(text, "case=message"));
    assertEquals("INFO fixture literal case, mail sent to [REDACTED:email]", line(text, "literal case"));
    assertEquals("INFO fixture case=arguments user [REDACTED:email] called from [REDACTED:ip] on [REDACTED:phone]",
        line(text, "case=arguments"));
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]}", line(text, "case=annotated"));
    assertEquals("INFO fixture " + CLEAN, line(text, "case=clean"));
    assertEquals("INFO fixture case=plain-arguments order A-10428 shipped to warehouse north-2 in 3 days",
        line(text, "case=plain-arguments"));
    // a number is scanned as its own text, not as the text MessageFormat makes of it (4,111,...)
    assertEquals("INFO fixture case=card-number [REDACTED:card]", line(text, "case=card-number"));
    // formatted as the JDK's formatter formats it without the agent
    assertEquals("INFO fixture case=high-placeholder e", line(text, "case=high-placeholder"));
    assertExceptionRedactedWithFrames(text);
  }

  @Test
  void julBridgedToLogbackIsRedactedOnceNotTwice() throws Exception {
    Path log = runWith("redaction.style=hash,audit.sink=none", "jul-to-slf4j", LOGBACK,
        "-Dlogback.configurationFile=" + config("logback-file.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    String bridged = line(text, "case=bridged ");
    assertTrue(Pattern.compile("case=bridged mail \\[email:[0-9a-f]{16}\\] tel \\[phone:[0-9a-f]{16}\\] card"
        + " \\[card:[0-9a-f]{16}\\] iban \\[iban:[0-9a-f]{16}\\] from \\[ip:[0-9a-f]{16}\\] ssn \\[ssn:[0-9a-f]{16}\\]"
        + " password=\\[credential:[0-9a-f]{16}\\] mdc").matcher(bridged).find(), bridged);
    assertEquals(1, count(text, "case=bridged "), text);
    assertTrue(text.contains("java.lang.IllegalStateException: could not bill [email:"), text);
    assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException: card holder at [ip:"), text);
    assertTrue(text.contains("at com.acme.fixture.logging.LoggingFixtureApp.failure(LoggingFixtureApp.java:"), text);
  }

  @Test
  void log4jApiBridgedToLogbackIsRedacted() throws Exception {
    Path log = run("log4j-api-to-slf4j", LOGBACK, "-Dlogback.configurationFile=" + config("logback-file.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=bridged " + MASKED_LINE + " mdc=[] kv=[]", line(text, "case=bridged"));
    // the Log4j2 API formats its messages before SLF4J sees them: annotated objects by their
    // annotations all the same, in {} messages, MessageFormat messages and printf
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc=[] kv=[]",
        line(text, "case=annotated"));
    assertEquals("INFO fixture case=message-format Patient{name=[REDACTED:user.name]} from [REDACTED:ip] mdc=[] kv=[]",
        line(text, "case=message-format"));
    assertEquals("INFO fixture case=printf Patient{name=[REDACTED:user.name]} at [REDACTED:email] mdc=[] kv=[]",
        line(text, "case=printf "));
    assertEquals("INFO fixture case=printf-number [REDACTED:card] for Patient{name=[REDACTED:user.name]} mdc=[] kv=[]",
        line(text, "case=printf-number"));
    assertEquals("INFO fixture [case=object-array, Patient{name=[REDACTED:user.name]}, [REDACTED:email]] mdc=[] kv=[]",
        line(text, "case=object-array"));
  }

  @Test
  void log4jAsyncLoggerConfigHoldsNoPersonalData() throws Exception {
    Path log = run("log4j", LOG4J, "-Dlog4j2.configurationFile=" + config("log4j2-async-logger-config.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertFalse(text.contains(PersonalValues.ANNOTATED_NAME), text);
    assertEquals("INFO fixture case=message " + MASKED_LINE + " mdc={}", line(text, "case=message"));
    assertEquals("INFO fixture literal case, mail sent to [REDACTED:email] mdc={}", line(text, "literal case"));
    assertEquals("INFO fixture case=mdc ordinary text mdc={customer=[REDACTED:email], password=[REDACTED:credential]}", line(text, "case=mdc"));
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc={}",
        line(text, "case=annotated"));
    assertOtherMessageKindsRedacted(text);
    assertEquals("INFO fixture " + CLEAN + " mdc={}", line(text, "case=clean"));
    assertExceptionRedactedWithFrames(text);
  }

  @Test
  void logbackOnJdk25() throws Exception {
    assumeTrue(Files.isExecutable(FixtureJvm.JDK25.resolve("bin/java")),
        "JDK 25 is not installed at " + FixtureJvm.JDK25 + "; skipped");
    Path log = runOn(FixtureJvm.withJava(FixtureJvm.JDK25), "audit.sink=none", "slf4j", LOGBACK,
        "-Dlogback.configurationFile=" + config("logback-file.xml"));
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=message " + MASKED_LINE + " mdc=[] kv=[]", line(text, "case=message"));
    // a message without arguments whose only personal data is an e-mail address
    assertEquals("INFO fixture literal case, mail sent to [REDACTED:email] mdc=[] kv=[]", line(text, "literal case"));
    assertEquals("INFO fixture case=annotated Patient{name=[REDACTED:user.name]} mdc=[] kv=[]",
        line(text, "case=annotated "));
    assertEquals("INFO fixture " + CLEAN + " mdc=[] kv=[]", line(text, "case=clean"));
    assertExceptionRedactedWithFrames(text);
  }

  /**
   * A member that cannot be read fails closed: {@code [REDACTION_FAILED]} in the file, one report
   * on stderr without the exception's message. A failing detector cannot be caused from outside
   * without a test-only switch in the agent; core's {@code RedactorTest} covers that path.
   */
  @Test
  void aMemberThatCannotBeReadIsWrittenAsRedactionFailedAndReportedOnce() throws Exception {
    Path log = folder.resolve("unreadable.log");
    List<String> arguments = new ArrayList<>(List.of("-Dlogback.configurationFile=" + config("logback-file.xml")));
    arguments.addAll(classPath("unreadable", LOGBACK));
    FixtureJvm.Result result = FixtureJvm.current().agent("audit.sink=none").property("logFile", log.toString())
        .run(arguments);

    assertEquals(0, result.exitCode(), result::toString);
    String text = Files.readString(log);
    assertEquals("INFO fixture case=unreadable UnreadableCustomer{email()=[REDACTION_FAILED]} mdc=[] kv=[]",
        line(text, "case=unreadable "));
    assertEquals("INFO fixture case=unreadable-again UnreadableCustomer{email()=[REDACTION_FAILED]} mdc=[] kv=[]",
        line(text, "case=unreadable-again"));
    String reports = agentLines(result.stderr());
    assertEquals(1, reports.lines().count(), result::toString);
    assertTrue(reports.contains("redaction of object failed (The accessor"
        + " com.acme.fixture.logging.UnreadableCustomer.email() threw java.lang.IllegalStateException)"),
        reports);
    assertFalse(result.stderr().contains(PersonalValues.EMAIL), result::toString);
    assertFalse(text.contains(PersonalValues.EMAIL), text);
  }

  /**
   * java.util.logging prints each exception of a chain by its {@code toString}, which need not be
   * made from its message: the localized message one overrides, the text another prints itself
   * with, in the exception, its cause and its suppressed exception, are all written redacted, the
   * frames kept. One whose {@code getMessage} throws is written as {@code [REDACTION_FAILED]},
   * reported once by its failure's type, never its failure's message.
   */
  @Test
  void julWritesTheTextsExceptionsOverrideRedactedAndAnUnreadableOneAsRedactionFailed() throws Exception {
    FixtureJvm.Result result = runExceptionTexts("exception-text-jul", List.of(),
        "-Djava.util.logging.SimpleFormatter.format=%4$s %3$s %5$s%n%6$s");
    String text = Files.readString(folder.resolve("exception-text-jul.log"));
    assertPrintedStackTracesRedacted(text);
    assertUnreadableMessageReportedOnce(result);
  }

  /**
   * Log4j2 writes the same exceptions by their {@code toString} ({@code %ex}, the JSON stack
   * trace) and by their class name and message ({@code %xEx}, JsonTemplateLayout's {@code
   * error.type} and {@code error.message}): each redacted, and the one whose {@code getMessage}
   * throws as {@code [REDACTION_FAILED]}.
   */
  @Test
  void log4jWritesTheTextsExceptionsOverrideRedactedAndAnUnreadableOneAsRedactionFailed() throws Exception {
    FixtureJvm.Result result = runExceptionTexts("exception-text-log4j", LOG4J,
        "-Dlog4j2.configurationFile=" + config("log4j2-exception-text.xml"));
    Path log = folder.resolve("exception-text-log4j.log");
    assertPrintedStackTracesRedacted(Files.readString(log));

    String extended = Files.readString(Path.of(log + ".extended"));
    assertNoRawPersonalData(extended);
    assertEquals(LOOKUP + ": lookup failed", lineAfter(extended, "case=localized"));
    assertEquals(CARD_EXCEPTION + ": payment declined", lineAfter(extended, "case=to-string"));
    assertEquals(UNREADABLE + ": [REDACTION_FAILED]", lineAfter(extended, "case=unreadable"));

    Path jsonLog = Path.of(log + ".json");
    assertNoRawPersonalData(Files.readString(jsonLog));
    List<JsonNode> events = json(jsonLog);
    // error.type is the canonical name of the exception's class, error.message its message
    assertEquals(LOOKUP.replace('$', '.'), message(events, "case=localized").get("error.type").asText());
    assertTrue(message(events, "case=localized").get("error.stack_trace").asText()
        .startsWith(LOOKUP + ": lookup failed for [REDACTED:email]"), () -> events.toString());
    assertTrue(message(events, "case=to-string").get("error.stack_trace").asText()
        .startsWith("CardException: card [REDACTED:card] declined"), () -> events.toString());
    JsonNode unreadable = message(events, "case=unreadable");
    assertEquals(UNREADABLE.replace('$', '.'), unreadable.get("error.type").asText());
    assertEquals("[REDACTION_FAILED]", unreadable.get("error.message").asText());
    assertUnreadableMessageReportedOnce(result);
  }

  /**
   * Logback writes an exception by its class name and message, which the agent leaves as they
   * are; an appender that reads the {@code Throwable} itself gets a stand-in whose {@code
   * toString} and localized message are redacted. Logback reads the message as it builds the
   * event, so one whose {@code getMessage} throws reaches the application's logging call as
   * without the agent, and nothing of it is written.
   */
  @Test
  void logbackWritesTheTextsExceptionsOverrideWithoutPersonalData() throws Exception {
    FixtureJvm.Result result = runExceptionTexts("exception-text-logback", LOGBACK,
        "-Dlogback.configurationFile=" + config("logback-exception-text.xml"));
    assertEquals("", agentLines(result.stderr()), result::toString);
    assertTrue(result.stdout().contains("case=unreadable java.lang.IllegalStateException"), result::toString);
    Path log = folder.resolve("exception-text-logback.log");
    String text = Files.readString(log);
    assertNoRawPersonalData(text);
    assertEquals(LOOKUP + ": lookup failed", lineAfter(text, "case=localized"));
    assertEquals(CARD_EXCEPTION + ": payment declined", lineAfter(text, "case=to-string"));
    assertFalse(text.contains("case=unreadable"), text);

    String read = Files.readString(Path.of(log + ".throwable"));
    assertNoRawPersonalData(read);
    assertEquals("thrown.localized-message=lookup failed for [REDACTED:email]",
        line(section(read, "event=case=localized"), "thrown.localized-message="));
    assertEquals("thrown.string=" + LOOKUP + ": lookup failed for [REDACTED:email]",
        line(section(read, "event=case=localized"), "thrown.string="));
    assertEquals("thrown.string=CardException: card [REDACTED:card] declined",
        line(section(read, "event=case=to-string"), "thrown.string="));
    String chain = section(read, "event=case=chain");
    assertTrue(chain.contains("Caused by: " + LOOKUP + ": lookup failed for [REDACTED:email]"), chain);
    assertTrue(chain.contains("\tSuppressed: CardException: card [REDACTED:card] declined"), chain);
  }

  /** An exception-text scenario (the log at {@code <scenario>.log}); nothing personal on stdout or stderr. */
  private FixtureJvm.Result runExceptionTexts(String scenario, List<String> libraries, String... jvmOptions)
      throws Exception {
    List<String> arguments = new ArrayList<>(List.of(jvmOptions));
    arguments.addAll(classPath(scenario, libraries));
    FixtureJvm.Result result = FixtureJvm.current().agent("audit.sink=none")
        .property("logFile", folder.resolve(scenario + ".log").toString()).run(arguments);
    assertEquals(0, result.exitCode(), result::toString);
    assertNoRawPersonalData(result.stdout() + result.stderr());
    return result;
  }

  /**
   * {@code printStackTrace} output of the exception-text scenario: each exception by its redacted
   * {@code toString}, the unreadable one as {@code [REDACTION_FAILED]}, frames kept.
   */
  private static void assertPrintedStackTracesRedacted(String text) {
    assertNoRawPersonalData(text);
    assertEquals(LOOKUP + ": lookup failed for [REDACTED:email]", lineAfter(text, "case=localized"));
    assertEquals("CardException: card [REDACTED:card] declined", lineAfter(text, "case=to-string"));
    assertEquals("java.lang.RuntimeException: checkout failed", lineAfter(text, "case=chain"));
    assertTrue(text.contains("\tSuppressed: CardException: card [REDACTED:card] declined"), text);
    assertTrue(text.contains("Caused by: " + LOOKUP + ": lookup failed for [REDACTED:email]"), text);
    assertEquals(UNREADABLE + ": [REDACTION_FAILED]", lineAfter(text, "case=unreadable"));
    assertTrue(text.contains("at com.acme.fixture.logging.ExceptionTextFixture."), text);
  }

  private static void assertUnreadableMessageReportedOnce(FixtureJvm.Result result) {
    String reports = agentLines(result.stderr());
    assertEquals(1, reports.lines().count(), result::toString);
    assertTrue(reports.contains("java.lang.IllegalStateException at " + UNREADABLE + ".getMessage("), reports);
  }

  private static void assertNoRawPersonalData(String text) {
    for (String value : PersonalValues.ALL) {
      assertFalse(text.contains(value), () -> "'" + value + "' in:\n" + text);
    }
  }

  /** The first line that is not blank after the first line that holds {@code marker}. */
  private static String lineAfter(String text, String marker) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        for (int next = i + 1; next < lines.length; next++) {
          if (!lines[next].isBlank()) {
            return lines[next];
          }
        }
      }
    }
    throw new AssertionError("no line after one with " + marker + " in:\n" + text);
  }

  /** {@code ThrowableReadingAppender}'s lines of the event that begins with {@code start}. */
  private static String section(String text, String start) {
    int from = text.indexOf(start + "\n");
    assertTrue(from >= 0, () -> "no " + start + " in:\n" + text);
    int to = text.indexOf("\nevent=", from + 1);
    return text.substring(from, to < 0 ? text.length() : to + 1);
  }

  @Test
  void standardStreamsAreRedactedOnlyWhenAskedTo() throws Exception {
    FixtureJvm.Result on = FixtureJvm.current().agent("audit.sink=none,redaction.stdout=true")
        .run(classPath("stdout", List.of()));
    assertEquals(0, on.exitCode(), on::toString);
    assertNoPersonalData(on.stdout() + on.stderr());
    assertTrue(on.stdout().contains("case=stdout " + MASKED_LINE + "\n"), on::toString);
    assertTrue(on.stderr().contains("case=stderr " + MASKED_LINE + "\n"), on::toString);
    assertTrue(on.stdout().contains("case=stdout-pieces password=[REDACTED:credential]\n"), on::toString);
    assertTrue(on.stdout().contains("case=stdout-split mail [REDACTED:email] end\n"), on::toString);
    assertTrue(on.stdout().contains("case=stdout-prompt> "), on::toString);

    FixtureJvm.Result off = FixtureJvm.current().agent("audit.sink=none").run(classPath("stdout", List.of()));
    assertTrue(off.stdout().contains("case=stdout " + PersonalValues.LINE), off::toString);
  }

  /**
   * A later start takes the hooked Logback class from the cache the first start left in the
   * private folder (no ASM loaded); an entry changed on disk is not used: the class is rewritten,
   * the change reported once, and the events are redacted all the same.
   */
  @Test
  void hookedClassesComeFromTheCacheOfAnEarlierStartAndAChangedEntryIsNotUsed() throws Exception {
    Path tmp = Files.createDirectory(folder.resolve("tmp"));
    Path cache = tmp.resolve("piiwarden-" + System.getProperty("user.name"));

    FixtureJvm.Result first = runCached(tmp, "first");
    assertTrue(asmLoaded("first"), "the first start rewrites with ASM");
    List<Path> entries;
    try (Stream<Path> files = Files.list(cache)) {
      entries = files.filter(file -> file.getFileName().toString().startsWith("hooked-")).toList();
    }
    // Logback's Logger and SLF4J's DefaultLoggingEventBuilder (the scenario's fluent calls)
    assertEquals(2, entries.size(), entries::toString);
    assertEquals("", agentLines(first.stderr()), first::toString);

    FixtureJvm.Result second = runCached(tmp, "second");
    assertFalse(asmLoaded("second"), "the second start takes the rewritten class from the cache");
    assertEquals("", agentLines(second.stderr()), second::toString);

    byte[] entry = Files.readAllBytes(entries.get(0));
    entry[entry.length / 2] ^= 1;
    Files.write(entries.get(0), entry);
    FixtureJvm.Result changed = runCached(tmp, "changed");
    assertTrue(asmLoaded("changed"), "a changed entry is not used: the class is rewritten");
    assertTrue(agentLines(changed.stderr()).startsWith("piiwarden: the cached rewrite " + entries.get(0)
        + " is not this agent's"), changed::toString);
    assertEquals(1, agentLines(changed.stderr()).split("\n").length, changed::toString);
    assertTrue(java.util.Arrays.equals(entry, Files.readAllBytes(entries.get(0))), "the entry is left alone");
  }

  /** The Logback scenario with {@code java.io.tmpdir} at {@code tmp}; its log must be redacted. */
  private FixtureJvm.Result runCached(Path tmp, String name) throws Exception {
    Path log = folder.resolve(name + ".log");
    List<String> arguments = new ArrayList<>(List.of(
        "-Djava.io.tmpdir=" + tmp,
        "-Xlog:class+load:file=" + folder.resolve(name + ".classes"),
        "-Dlogback.configurationFile=" + config("logback-file.xml")));
    arguments.addAll(classPath("slf4j", LOGBACK));
    FixtureJvm.Result result =
        FixtureJvm.current().agent("audit.sink=none").property("logFile", log.toString()).run(arguments);
    assertEquals(0, result.exitCode(), result::toString);
    String text = Files.readString(log);
    assertNoPersonalData(text);
    assertEquals("INFO fixture case=message " + MASKED_LINE + " mdc=[] kv=[]", line(text, "case=message"));
    // a message without arguments whose only personal data is an e-mail address
    assertEquals("INFO fixture literal case, mail sent to [REDACTED:email] mdc=[] kv=[]", line(text, "literal case"));
    return result;
  }

  private boolean asmLoaded(String name) throws IOException {
    return Files.readString(folder.resolve(name + ".classes")).contains("shaded.org.objectweb.asm.ClassReader");
  }

  private Path run(String scenario, List<String> libraries, String... jvmOptions) throws Exception {
    return runWith("audit.sink=none", scenario, libraries, jvmOptions);
  }

  private Path runWith(String agentArguments, String scenario, List<String> libraries, String... jvmOptions)
      throws Exception {
    return runOn(FixtureJvm.current(), agentArguments, scenario, libraries, jvmOptions);
  }

  private Path runOn(FixtureJvm java, String agentArguments, String scenario, List<String> libraries,
      String... jvmOptions) throws Exception {
    Path log = folder.resolve(scenario + ".log");
    FixtureJvm jvm = java.agent(agentArguments).property("logFile", log.toString());
    List<String> arguments = new ArrayList<>(List.of(jvmOptions));
    arguments.addAll(classPath(scenario, libraries));
    FixtureJvm.Result result = jvm.run(arguments);
    assertEquals(0, result.exitCode(), result::toString);
    assertEquals("", agentLines(result.stderr()), result::toString);
    assertTrue(Files.isRegularFile(log), result::toString);
    return log;
  }

  /** The agent's own lines: the frameworks may print notices of their own. */
  private static String agentLines(String stderr) {
    StringBuilder kept = new StringBuilder();
    for (String line : stderr.split("\n")) {
      if (line.startsWith("piiwarden:")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }

  private static List<String> classPath(String scenario, List<String> libraries) throws Exception {
    List<String> entries = new ArrayList<>(
        List.of(FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    try (Stream<Path> jars = Files.list(LOG_LIBS)) {
      jars.filter(jar -> libraries.stream().anyMatch(name -> jar.getFileName().toString().startsWith(name)))
          .sorted()
          .forEach(jar -> entries.add(jar.toString()));
    }
    return List.of("-cp", String.join(File.pathSeparator, entries), LoggingFixtureApp.class.getName(), scenario);
  }

  private static String config(String name) throws Exception {
    return FixtureJvm.testClasses().resolve("logging").resolve(name).toString();
  }

  private static void assertNoPersonalData(String text) {
    for (String value : PersonalValues.ALL) {
      assertFalse(text.contains(value), () -> "'" + value + "' in:\n" + text);
    }
    assertFalse(text.contains("REDACTION_FAILED"), text);
  }

  private static void assertExceptionRedactedWithFrames(String text) {
    assertTrue(text.contains("java.lang.IllegalStateException: could not bill [REDACTED:email]"), text);
    assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException: card holder at [REDACTED:ip]"), text);
    assertTrue(text.contains("at com.acme.fixture.logging.LoggingFixtureApp.failure(LoggingFixtureApp.java:"), text);
    assertTrue(text.contains("at com.acme.fixture.logging.LoggingFixtureApp.main(LoggingFixtureApp.java:"), text);
  }

  /** The first line of {@code text} that holds {@code marker}. */
  static String line(String text, String marker) {
    for (String line : text.split("\n")) {
      if (line.contains(marker)) {
        return line;
      }
    }
    throw new AssertionError("no line with " + marker + " in:\n" + text);
  }

  /** How often {@code marker} occurs in {@code text}. */
  static int count(String text, String marker) {
    int count = 0;
    for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      count++;
    }
    return count;
  }

  private static List<JsonNode> json(Path log) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper();
    for (String line : Files.readAllLines(log)) {
      if (!line.isBlank()) {
        events.add(mapper.readTree(line)); // throws when a line is not valid JSON
      }
    }
    return events;
  }

  private static JsonNode message(List<JsonNode> events, String marker) {
    for (JsonNode event : events) {
      if (event.path("message").asText().contains(marker)) {
        return event;
      }
    }
    throw new AssertionError("no event with " + marker + " in " + events);
  }
}

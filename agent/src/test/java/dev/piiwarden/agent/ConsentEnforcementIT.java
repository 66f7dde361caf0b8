package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.acme.fixture.inherited.SpringProxiesApp;
import com.acme.fixture.reactive.ReactiveFixtureApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every decision path of a real JVM started with {@code -javaagent}, on the plain class path. */
class ConsentEnforcementIT {
  @TempDir Path folder;
  private static final String EMAIL = "[marketing.communications.email]";

  @Test
  void enforcesTheLedgerTheApplicationWritesOnJdk17() throws Exception {
    assertDecisions(FixtureJvm.current().agent(null).runApp("enforce"));
  }

  @Test
  void enforcesTheLedgerTheApplicationWritesOnJdk25() throws Exception {
    assumeTrue(
        Files.isExecutable(FixtureJvm.JDK25.resolve("bin/java")),
        "JDK 25 is not installed at " + FixtureJvm.JDK25 + "; skipped");
    assertDecisions(FixtureJvm.withJava(FixtureJvm.JDK25).agent(null).runApp("enforce"));
  }

  /**
   * A skipped method returning a reactive type gives an empty one (Reactor's {@code Mono}, {@code
   * Flux} and a {@code Publisher}; RxJava 3's {@code Observable}, {@code Flowable}, {@code Maybe};
   * a completed {@code Completable}), which its subscriber sees end without a value, where null
   * would fail it; no body runs. Granted, the bodies' values flow as before.
   */
  @Test
  void skippedMethodsReturningReactiveTypesGiveEmptyOnes() throws Exception {
    String classPath = classPathWith(reactor.core.publisher.Mono.class, org.reactivestreams.Publisher.class,
        io.reactivex.rxjava3.core.Observable.class);
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=none").run(List.of("-cp",
        classPath, ReactiveFixtureApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", agentLines(run.stderr()), run::toString);
    assertEquals("ran:empty", run.outcome("mono"));
    assertEquals("ran:[]", run.outcome("flux"));
    assertEquals("ran:[]", run.outcome("publisher"));
    assertEquals("ran:[]", run.outcome("observable"));
    assertEquals("ran:[]", run.outcome("flowable"));
    assertEquals("ran:empty", run.outcome("maybe"));
    assertEquals("ran:completed", run.outcome("completable"));
    assertEquals("ran:0", run.outcome("bodies"), "no skipped body ran");
    assertEquals("ran:gold", run.outcome("monoGranted"));
    assertEquals("ran:[cats, dogs]", run.outcome("fluxGranted"));
  }

  /**
   * {@code @ConsentRequired({})} asks consent for nothing: the method runs unchecked, without
   * consent events, and that is said once (not as an internal error at each call).
   */
  @Test
  void aMethodWhoseAnnotationNamesNoPurposesRunsUncheckedAndIsReportedOnce() throws Exception {
    Path trail = folder.resolve("audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=jsonl:" + trail).runApp("misannotated");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:body", run.outcome("noPurposes1"));
    assertEquals("ran:body", run.outcome("noPurposes2"));
    String noPurposes = "@ConsentRequired on com.acme.fixture.Misannotated#noPurposes(java.lang.String) names"
        + " no purposes, so it runs without a consent check and without consent events: there is no"
        + " consent to ask for; list the purposes that must be granted (the processor reports this as PW007)";
    assertEquals("piiwarden: " + noPurposes + "\n", agentLines(run.stderr()));
    String events = Files.readString(trail);
    assertTrue(events.contains("\"type\":\"agent.problem\",\"message\":\"" + noPurposes + "\""), events);
    assertFalse(events.contains("\"activity\":\"com.acme.fixture.Misannotated#noPurposes"), events);
  }

  /**
   * A purpose that is no taxonomy key can never be granted ({@code Consents.grant} refuses it), so
   * each call is denied; that is said once per method at its first call, with the closest key.
   */
  @Test
  void aPurposeThatIsNoTaxonomyKeyIsReportedOncePerMethodAndStillDenied() throws Exception {
    Path trail = folder.resolve("audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=jsonl:" + trail).runApp("misspelt-purpose");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.outcome("grantRefused").contains("unknown purpose 'marketting' (did you mean 'marketing'?)"),
        run::toString);
    assertEquals("denied:NOT_GRANTED:[marketting]", run.outcome("misspelt1"));
    assertEquals("denied:NOT_GRANTED:[marketting]", run.outcome("misspelt2"));
    assertTrue(run.outcome("several2").startsWith("denied:NOT_GRANTED:"), run::toString);
    String misspelt = "@ConsentRequired on com.acme.fixture.MisspeltPurpose#send(java.lang.String) names"
        + " purpose 'marketting' (did you mean 'marketing'?), which is no purpose key of the taxonomy:"
        + " Consents.grant refuses it, so no call can be granted and each is decided NOT_GRANTED; correct"
        + " the purpose, or add it to the taxonomy extension named by piiwarden.taxonomy";
    String several = "@ConsentRequired on com.acme.fixture.MisspeltPurpose#sendAndMeasure(java.lang.String)"
        + " names purposes 'analitycs.reporting' (did you mean 'analytics.reporting'?), 'essential.servce'"
        + " (did you mean 'essential.service'?),"
        + " which are no purpose keys of the taxonomy:"
        + " Consents.grant refuses them, so no call can be granted and each is decided NOT_GRANTED; correct"
        + " the purposes, or add them to the taxonomy extension named by piiwarden.taxonomy";
    assertEquals("piiwarden: " + misspelt + "\npiiwarden: " + several + "\n", agentLines(run.stderr()));
    String events = Files.readString(trail);
    assertTrue(events.contains("\"type\":\"agent.problem\",\"message\":\"" + misspelt + "\""), events);
  }

  /**
   * A subject set with {@code PrivacyContext} on one thread reaches methods run on others when the
   * work is wrapped ({@code PrivacyContext.wrap}), actor included; unwrapped, the pool's thread
   * has no subject and the call is denied.
   */
  @Test
  void theContextReachesMethodsRunOnOtherThreadsWhenTheWorkIsWrapped() throws Exception {
    Path trail = folder.resolve("audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=jsonl:" + trail).runApp("context-threads");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", agentLines(run.stderr()), run::toString);
    assertEquals("ran:denied:NO_SUBJECT", run.outcome("pool"));
    assertEquals("ran:sent", run.outcome("wrappedPool"));
    assertEquals("ran:sent", run.outcome("wrappedTask"));
    assertEquals("ran:sent", run.outcome("stage"));
    assertEquals("ran:sent", run.outcome("thread"));
    assertEquals("ran:denied:NO_SUBJECT", run.outcome("poolAfter"), "nothing is left on the pool's threads");
    long granted = Files.readAllLines(trail).stream()
        .filter(line -> line.contains("\"type\":\"consent.granted\"") && line.contains("\"actor\":\"svc-mailer\"")
            && line.contains("\"activity\":\"com.acme.fixture.Newsletter#sendInContext(java.lang.String)\""))
        .count();
    assertEquals(4, granted, () -> "one granted decision per wrapped call, with its actor: " + run);
  }

  /**
   * {@code @ConsentRequired} on an abstract method (an interface's, a super-interface's, an abstract
   * class's, a generic interface's) or on an interface as a whole is enforced on the method that
   * implements it, which carries no annotation; once per call: an override that calls the checked
   * implementation, and a JDK proxy in the interface's package, are not checked again.
   */
  @Test
  void consentAskedOnAnAbstractMethodIsEnforcedOnTheMethodThatImplementsIt() throws Exception {
    Path trail = folder.resolve("audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=jsonl:" + trail).runApp("inherited");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", agentLines(run.stderr()), run::toString);
    assertInheritedOutcomes(run);

    List<String> decisions = Files.readAllLines(trail).stream()
        .filter(line -> line.contains("\"type\":\"consent.granted\"")
            || line.contains("\"type\":\"consent.denied\""))
        .toList();
    String inherited = "com.acme.fixture.inherited.";
    assertEquals(4, decided(decisions, inherited + "MailingService#send(java.lang.String,java.lang.String)"),
        "its own two calls and the override's two, each decided once");
    assertEquals(4, decided(decisions, inherited + "NoteStore#save(java.lang.String,java.lang.String)"));
    assertEquals(2, decided(decisions, inherited + "ReminderService#remind(java.lang.String)"));
    assertEquals(2, decided(decisions, inherited + "LoyaltyScoring#score(java.lang.String)"));
    assertEquals(2, decided(decisions, inherited + "CampaignService#send(java.lang.String,java.lang.String)"));
    assertEquals(2, decided(decisions, inherited + "ProfilerService#profile(java.lang.String)"));
    assertEquals(16, decisions.size(), "nothing else decided: " + decisions);
  }

  /**
   * Spring AOP's proxies around a service whose interface asks consent, each with an interceptor
   * that hands the call on: the JDK proxy and the CGLIB subclass are not checked, the service's
   * method is, once per call.
   */
  @Test
  void springProxiesOfAnImplementationDecideOncePerCall() throws Exception {
    String classPath = classPathWith(org.springframework.aop.framework.ProxyFactory.class,
        org.springframework.core.SpringVersion.class, org.apache.commons.logging.LogFactory.class);
    Path trail = folder.resolve("audit.jsonl");
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=jsonl:" + trail).run(List.of("-cp",
        classPath, SpringProxiesApp.class.getName()));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", agentLines(run.stderr()), run::toString);
    assertTrue(run.outcome("cglibClass").contains("$$SpringCGLIB$$"), run::toString);
    assertEquals("denied:NOT_GRANTED", run.outcome("before.jdk"));
    assertEquals("denied:NOT_GRANTED", run.outcome("before.cglib"));
    assertEquals("ran:sent", run.outcome("after.jdk"));
    assertEquals("ran:sent", run.outcome("after.cglib"));
    List<String> decisions = Files.readAllLines(trail).stream()
        .filter(line -> line.contains("\"type\":\"consent.granted\"")
            || line.contains("\"type\":\"consent.denied\""))
        .toList();
    assertEquals(4, decided(decisions,
        "com.acme.fixture.inherited.MailingService#send(java.lang.String,java.lang.String)"), decisions::toString);
    assertEquals(4, decisions.size(), decisions::toString);
  }

  /**
   * A type's {@code @ConsentRequired} covers its own public methods, not toString, equals and
   * hashCode or an enum's values and valueOf: a HashSet, a log line or a switch on the enum needs
   * no subject, and no denied switch map breaks the class for the rest of the JVM's life.
   */
  @Test
  void aTypesConsentLeavesObjectMethodsAndAnEnumsGeneratedMembersUnchecked() throws Exception {
    FixtureJvm.Result run = FixtureJvm.current().agent("audit.sink=none").runApp("object-methods");
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("ran:text", run.outcome("switch"), run::toString);
    assertEquals("ran:in Segment(gold)", run.outcome("toString"));
    assertEquals("ran:1", run.outcome("hashSet"));
    assertEquals("ran:true", run.outcome("equals"));
    assertEquals("ran:2", run.outcome("values"));
    assertEquals("ran:EMAIL", run.outcome("valueOf"));
    String denied = "denied:NOT_GRANTED:[marketing.advertising]";
    assertEquals(denied, run.outcome("members"));
    assertEquals(denied, run.outcome("toStringForSubject"), "a method's own annotation applies");
    assertEquals(denied, run.outcome("send"));
    assertEquals("ran:e-mail", run.outcome("switchAfterGrant"));
    assertEquals("ran:sent by SMS", run.outcome("sendGranted"));
  }

  /** The outcomes of the fixture's {@code inherited} scenario, before and after the grants. */
  static void assertInheritedOutcomes(FixtureJvm.Result run) {
    String denied = "denied:NOT_GRANTED:" + EMAIL;
    assertEquals(denied, run.outcome("before.interface"));
    assertEquals("ran:preview", run.outcome("before.unannotated"));
    assertEquals(denied, run.outcome("before.superInterface"));
    assertEquals("ran:0/0", run.outcome("before.abstractClass"), "skipped: no body ran");
    assertEquals(denied, run.outcome("before.genericThroughInterface"));
    assertEquals(denied, run.outcome("before.genericDirect"));
    assertEquals("denied:NOT_GRANTED:[analytics.reporting]", run.outcome("before.annotatedInterface"));
    assertEquals(denied, run.outcome("before.override"));
    assertEquals(denied, run.outcome("before.proxy"));
    assertEquals("ran:sent", run.outcome("after.interface"));
    assertEquals("ran:sent:spring", run.outcome("after.superInterface"));
    assertEquals("ran:7/1", run.outcome("after.abstractClass"));
    assertEquals("ran:saved:note", run.outcome("after.genericThroughInterface"));
    assertEquals("ran:saved:note", run.outcome("after.genericDirect"));
    assertEquals("ran:profiled", run.outcome("after.annotatedInterface"));
    assertEquals("ran:sent+counted", run.outcome("after.override"));
    assertTrue(run.outcome("after.proxy").startsWith("ran:reminded:com.acme.fixture.inherited.$Proxy"),
        run::toString);
  }

  /** The test classes, the annotations and the jars that hold {@code libraries}, as a class path. */
  private static String classPathWith(Class<?>... libraries) throws Exception {
    List<String> classPath = new ArrayList<>(List.of(
        FixtureJvm.testClasses().toString(), FixtureJvm.annotations().toString()));
    for (Class<?> library : libraries) {
      classPath.add(FixtureJvm.locationOf(library).toString());
    }
    return String.join(File.pathSeparator, classPath);
  }

  private static long decided(List<String> decisions, String activity) {
    return decisions.stream().filter(line -> line.contains("\"activity\":\"" + activity + "\"")).count();
  }

  static void assertDecisions(FixtureJvm.Result run) {
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("", agentLines(run.stderr()), "the agent says nothing when all is well");
    assertEquals("denied:NOT_GRANTED:" + EMAIL, run.outcome("notGranted"));
    assertEquals("ran:sent", run.outcome("granted"), "a grant on the parent covers the child");
    assertEquals("ran:true", run.outcome("grantedIsVisibleToApp"));
    assertEquals(
        "denied:NOT_GRANTED:[marketing.communications.email, analytics.reporting]",
        run.outcome("allPurposes"));
    assertEquals("ran:sent", run.outcome("record"), "subject from a @DataSubject record component");
    assertEquals("denied:NO_SUBJECT:" + EMAIL, run.outcome("noSubject"));
    assertEquals("ran:sent", run.outcome("context"), "subject from PrivacyContext");
    assertEquals("denied:NOT_GRANTED:" + EMAIL, run.outcome("static"));
    assertEquals("ran:sent", run.outcome("staticGranted"));
    assertEquals("ran:1", run.outcome("synchronized"));
    assertEquals("ran:[u-1]", run.outcome("generic"));
    assertEquals("ran:sent", run.outcome("inner"));
    assertEquals("ran:sent", run.outcome("default"));
    assertEquals("denied:NOT_GRANTED:" + EMAIL, run.outcome("innerDenied"));
    assertEquals("denied:NOT_GRANTED:" + EMAIL, run.outcome("defaultDenied"));
    assertEquals("denied:WITHDRAWN:" + EMAIL, run.outcome("withdrawn"), "withdrawal at once");
    assertEquals(
        "ran:GRANTED@marketing;WITHDRAWN@marketing.communications;", run.outcome("history"));

    assertEquals("ran:0", run.outcome("skip.int"));
    assertEquals("ran:false", run.outcome("skip.boolean"));
    assertEquals("ran:0", run.outcome("skip.long"));
    assertEquals("ran:0.0", run.outcome("skip.double"));
    assertEquals("ran:Optional.empty", run.outcome("skip.optional"));
    assertEquals("ran:[]", run.outcome("skip.list"));
    assertEquals("ran:[]", run.outcome("skip.set"));
    assertEquals("ran:{}", run.outcome("skip.map"));
    assertEquals("ran:null", run.outcome("skip.string"));
    assertEquals("ran:0/0", run.outcome("skip.stream"), "a new empty stream for each call");
    assertEquals("ran:null/true", run.outcome("skip.future"));
    assertEquals("ran:0", run.outcome("skip.array"));
    assertEquals("ran:int[][]0", run.outcome("skip.grid"));
    assertEquals("ran:{}", run.outcome("skip.sortedMap"));
    assertEquals("ran:returned", run.outcome("skip.void"));
    assertEquals("ran:0", run.outcome("skip.bodies"), "no skipped body ran");
    assertEquals("ran:1", run.outcome("skip.notPublic"), "a type-level rule covers public methods only");
    assertEquals("ran:42", run.outcome("skipGranted"));
    assertFalse(run.stdout().contains("LEAKS_SUBJECT"), run::toString);
    assertFalse(run.stdout().contains("AGENT_FRAMES"), run::toString);
    assertTrue(run.stdout().contains("main=done"), run::toString);
  }

  /**
   * stderr's lines, every one kept: the JVM's own warnings too. The bridge classes are defined in
   * the bootstrap class loader without appending to its class path, so the JVM has no "Sharing is
   * only supported for boot loader classes" warning to print, and a test that expects a quiet
   * stderr fails if it comes back.
   */
  static String agentLines(String stderr) {
    StringBuilder kept = new StringBuilder();
    for (String line : stderr.split("\n")) {
      if (!line.isEmpty()) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString();
  }
}

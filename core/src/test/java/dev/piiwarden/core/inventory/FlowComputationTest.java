package dev.piiwarden.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowComputationTest {
  private static final String EMAIL = "com.acme.User#email";
  private static final String SEND = "com.acme.Newsletter#send(com.acme.User)";
  private static final String FORMAT = "com.acme.Format#line(java.lang.String)";
  private static final String DELIVER = "com.acme.Mailer#deliver(java.lang.String)";
  private static final String SMTP = "com.acme.SmtpMailer#deliver(java.lang.String)";

  private static MethodSummary summary(String method, List<ArgumentPass> passes, List<ParameterSink> sinks) {
    return new MethodSummary(method, List.of(), passes, sinks);
  }

  private static ArgumentPass readPass(String callee, int argument, String element) {
    return new ArgumentPass(callee, argument, 10, List.of(element), List.of(), Confidence.DIRECT);
  }

  private static ArgumentPass forward(String callee, int argument, int parameter) {
    return new ArgumentPass(callee, argument, 20, List.of(), List.of(parameter), Confidence.VIA_CALL);
  }

  private static ParameterSink log(int parameter) {
    return new ParameterSink(parameter, SinkKind.LOG, "org.slf4j.Logger#info", 30, Confidence.DIRECT);
  }

  private static List<Flow> flows(MethodSummary... summaries) {
    return FlowComputation.flowsOf(new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(), List.of(summaries)));
  }

  @Test
  void aChainOfThreeMethodsGivesTheWholePath() {
    List<Flow> flows = flows(
        summary(SEND, List.of(readPass(FORMAT, 0, EMAIL)), List.of()),
        summary(FORMAT, List.of(forward(DELIVER, 0, 0)), List.of()),
        summary(DELIVER, List.of(), List.of(log(0))));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, "org.slf4j.Logger#info", List.of(SEND, FORMAT, DELIVER))), flows);
  }

  @Test
  void onlyTheParameterThatCarriesTheDataIsFollowed() {
    List<Flow> flows = flows(
        summary(SEND, List.of(readPass(DELIVER, 1, EMAIL)), List.of()),
        summary(DELIVER, List.of(), List.of(log(0))));
    assertEquals(List.of(), flows);
  }

  @Test
  void aCallThroughAnInterfaceReachesItsImplementations() {
    List<Flow> flows = flows(
        summary(SEND, List.of(readPass(DELIVER, 0, EMAIL)), List.of()),
        new MethodSummary(SMTP, List.of(DELIVER), List.of(), List.of(log(0))));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, "org.slf4j.Logger#info", List.of(SEND, SMTP))), flows);
  }

  /**
   * An exact pass ({@code super.deliver(email)}) runs the callee itself, none of its overrides; it
   * is written to JSON only when exact, and read back.
   */
  @Test
  void anExactPassReachesTheCalleeAlone() {
    ArgumentPass exact = new ArgumentPass(DELIVER, 0, 10, List.of(EMAIL), List.of(), Confidence.DIRECT, List.of(),
        java.util.Map.of(), true, List.of());
    MethodSummary caller = summary(SEND, List.of(exact), List.of());
    List<Flow> flows = flows(caller, summary(DELIVER, List.of(), List.of(log(0))),
        new MethodSummary(SMTP, List.of(DELIVER), List.of(), List.of(log(0))));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, "org.slf4j.Logger#info", List.of(SEND, DELIVER))), flows);
    Inventory inventory = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(), List.of(caller));
    String json = InventoryJson.write(inventory);
    assertEquals(1, json.split("\"exact\"", -1).length - 1, json);
    assertEquals(inventory.summaries(),
        InventoryJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "inventory.json").summaries());
    String virtual = InventoryJson.write(new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(),
        List.of(summary(SEND, List.of(readPass(DELIVER, 0, EMAIL)), List.of()))));
    assertEquals(-1, virtual.indexOf("\"exact\""), virtual);
  }

  /**
   * A call on an object whose type has type arguments runs no override in a class that gives that
   * type other ones; one whose class gives none, or a type variable, may run. Both lists are written
   * to JSON only when not empty, and read back.
   */
  @Test
  void aPassWithTypeArgumentsReachesTheOverridesTheyAllow() {
    String setOwner = "com.acme.PlainAttr#setOwner(java.lang.Object)";
    String ofUser = "com.acme.UserAttr#setOwner(com.acme.User)";
    String ofGroup = "com.acme.GroupAttr#setOwner(com.acme.Group)";
    String ofAny = "com.acme.AnyAttr#setOwner(java.lang.Object)";
    ArgumentPass onUserAttr = new ArgumentPass(setOwner, 0, 10, List.of(EMAIL), List.of(), Confidence.DIRECT,
        List.of(), java.util.Map.of(), false, List.of(), List.of("com.acme.User"));
    MethodSummary caller = summary(SEND, List.of(onUserAttr), List.of());
    MethodSummary user = new MethodSummary(ofUser, List.of(setOwner), List.of(), List.of(log(0)), null, List.of(),
        List.of("com.acme.PlainAttr"), java.util.Map.of("com.acme.PlainAttr", List.of("com.acme.User")));
    MethodSummary group = new MethodSummary(ofGroup, List.of(setOwner), List.of(), List.of(log(0)), null, List.of(),
        List.of("com.acme.PlainAttr"), java.util.Map.of("com.acme.PlainAttr", List.of("com.acme.Group")));
    MethodSummary any = new MethodSummary(ofAny, List.of(setOwner), List.of(), List.of(log(0)), null, List.of(),
        List.of("com.acme.PlainAttr"), java.util.Map.of());
    assertEquals(List.of(List.of(SEND, ofAny), List.of(SEND, ofUser)),
        flows(caller, user, group, any).stream().map(Flow::path).toList());
    Inventory inventory = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(), List.of(caller, user, any));
    String json = InventoryJson.write(inventory);
    assertEquals(1, json.split("\"receiverArguments\"", -1).length - 1, json);
    assertEquals(1, json.split("\"supertypeArguments\"", -1).length - 1, json);
    assertEquals(inventory.summaries(),
        InventoryJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "inventory.json").summaries());
  }

  /**
   * A call on an object of a known subtype of the callee's class runs an override only in that
   * type, in its supertypes below the callee's class, or in its subtypes.
   */
  @Test
  void aPassNamingItsReceiverReachesTheOverridesThatTypeMayRun() {
    String account = "com.acme.Account#deliver(java.lang.String)";
    String user = "com.acme.UserEntity#deliver(java.lang.String)";
    String linked = "com.acme.LinkedEntity#deliver(java.lang.String)";
    ArgumentPass onUser = new ArgumentPass(account, 0, 10, List.of(EMAIL), List.of(), Confidence.DIRECT, List.of(),
        java.util.Map.of(), false, List.of("com.acme.User"));
    List<Flow> flows = flows(summary(SEND, List.of(onUser), List.of()),
        new MethodSummary(user, List.of(account), List.of(), List.of(log(0)), null, List.of(),
            List.of("com.acme.Account", "com.acme.User")),
        new MethodSummary(linked, List.of(account), List.of(), List.of(log(0)), null, List.of(),
            List.of("com.acme.Account", "com.acme.Linked")));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, "org.slf4j.Logger#info", List.of(SEND, user))), flows);
  }

  @Test
  void recursionAndCyclesEnd() {
    String a = "com.acme.A#a(java.lang.String)";
    String b = "com.acme.B#b(java.lang.String)";
    List<Flow> flows = flows(
        summary(SEND, List.of(readPass(a, 0, EMAIL)), List.of()),
        summary(a, List.of(forward(b, 0, 0), forward(a, 0, 0)), List.of()),
        summary(b, List.of(forward(a, 0, 0)), List.of(log(0))));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, "org.slf4j.Logger#info", List.of(SEND, a, b))), flows);
  }

  @Test
  void anActivitysOwnSinkCallsAreFlowsOfOneStep() {
    Activity activity = new Activity(SEND, "com.acme.Newsletter", "send(com.acme.User)", null, List.of(), null, null,
        List.of(EMAIL), List.of(), List.of(new SinkRecord(SinkKind.HTTP, "java.net.http.HttpClient#send", 5,
            List.of(EMAIL), Confidence.VIA_LOCAL)));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.HTTP, "java.net.http.HttpClient#send", List.of(SEND))),
        FlowComputation.flowsOf(new Inventory(List.of(), List.of(activity), List.of())));
  }

  @Test
  void aParameterReachingASinkOnlyThroughMembersThatAreNoPersonalDataDoesNotCarryItsObjectsElements() {
    // note(user) logs user.getId(), hands user.getId() to audit(id), and logs what the user's
    // envelope holds; an element of another type handed in as the same parameter still flows
    String note = "com.acme.Notes#note(com.acme.User)";
    String audit = "com.acme.Notes#audit(java.lang.String)";
    String stored = "com.acme.Envelope#body";
    List<String> onlyId = List.of("com.acme.User");
    MethodSummary caller = summary(SEND, List.of(
        new ArgumentPass(note, 0, 10, List.of(EMAIL, stored), List.of(), Confidence.DIRECT)), List.of());
    MethodSummary callee = summary(note,
        List.of(new ArgumentPass(audit, 0, 11, List.of(), List.of(0), Confidence.DIRECT, List.of(),
            java.util.Map.of(0, onlyId))),
        List.of(new ParameterSink(0, SinkKind.LOG, LOG, 12, Confidence.DIRECT, onlyId)));
    assertEquals(List.of(
        new Flow(stored, SinkKind.LOG, LOG, List.of(SEND, note)),
        new Flow(stored, SinkKind.LOG, LOG, List.of(SEND, note, audit))),
        flows(caller, callee, summary(audit, List.of(), List.of(log(0)))));

    Inventory written = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(), List.of(callee));
    String json = InventoryJson.write(written);
    assertEquals(written, InventoryJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x"));
    org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"exceptMembersOf\""), json);
  }

  @Test
  void aReturnedParameterCarriedOnlyInPartDoesNotCarryItsObjectsElements() {
    // log.info(idOf(user)) where idOf returns user.getId(); the envelope's content still flows
    String idOf = "com.acme.Ids#idOf(com.acme.User)";
    String stored = "com.acme.Envelope#body";
    MethodSummary callee = returning(idOf, List.of(),
        new ReturnValue(List.of(), List.of(0), List.of(), java.util.Map.of(0, List.of("com.acme.User"))));
    MethodSummary caller = loggingResult(SEND,
        List.of(new ArgumentPass(idOf, 0, 40, List.of(EMAIL, stored), List.of(0), Confidence.DIRECT)),
        new CallResult(idOf, 40));
    MethodSummary outer = summary(REGISTER, List.of(readPass(SEND, 0, EMAIL)), List.of());
    assertEquals(List.of(new Flow(stored, SinkKind.LOG, LOG, List.of(SEND))), flows(callee, caller, outer));
  }

  @Test
  void summariesSurviveJsonAndFlowsCrossFragmentsWhenMerged() {
    Inventory caller = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(),
        List.of(summary(SEND, List.of(readPass(DELIVER, 0, EMAIL)), List.of())));
    Inventory callee = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(),
        List.of(summary(DELIVER, List.of(), List.of(log(0)))));
    Inventory reread = InventoryJson.read(InventoryJson.write(caller).getBytes(java.nio.charset.StandardCharsets.UTF_8), "x");
    assertEquals(caller, reread);
    MergeResult merged = InventoryMerger.merge(List.of(
        new InventoryFragment("module-a.jar", reread), new InventoryFragment("module-b/classes", callee)));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, "org.slf4j.Logger#info", List.of(SEND, DELIVER))),
        merged.inventory().flows());
  }

  private static final String REGISTER = "com.acme.Signup#register(com.acme.User)";
  private static final String DESCRIBE = "com.acme.Users#describe(com.acme.User)";
  private static final String QUOTE = "com.acme.Text#quote(java.lang.String)";
  private static final String LOG = "org.slf4j.Logger#info";

  private static MethodSummary returning(String method, List<ArgumentPass> passes, ReturnValue returns) {
    return new MethodSummary(method, List.of(), passes, List.of(), returns, List.of());
  }

  private static MethodSummary loggingResult(String method, List<ArgumentPass> passes, CallResult result) {
    return new MethodSummary(method, List.of(), passes, List.of(), null,
        List.of(new ResultSink(result, SinkKind.LOG, LOG, 41, Confidence.VIA_LOCAL)));
  }

  @Test
  void aReturnedElementReachesTheCallersSinkWithThePathFromItsReader() {
    // String line = describe(user); log.info(line), where describe returns user.getEmail()
    List<Flow> flows = flows(
        returning(DESCRIBE, List.of(), new ReturnValue(List.of(EMAIL), List.of(), List.of())),
        loggingResult(REGISTER, List.of(), new CallResult(DESCRIBE, 40)));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(DESCRIBE, REGISTER))), flows);
  }

  /**
   * A call result carries what the overrides the call may run return: {@code
   * describer.describe(order)} on a {@code Describer<Order>} not what a {@code Describer<User>}
   * returns, on an {@code OrderDescriber} not what a {@code UserDescriber} returns.
   */
  @Test
  void aCallResultCarriesWhatTheOverridesTheCallMayRunReturn() {
    String describe = "com.acme.Describer#describe(java.lang.Object)";
    String ofUser = "com.acme.UserDescriber#describe(com.acme.User)";
    String ofOrder = "com.acme.OrderDescriber#describe(com.acme.Order)";
    MethodSummary user = new MethodSummary(ofUser, List.of(describe), List.of(), List.of(),
        new ReturnValue(List.of(EMAIL), List.of(), List.of()), List.of(), List.of("com.acme.Describer"),
        java.util.Map.of("com.acme.Describer", List.of("com.acme.User")));
    MethodSummary order = new MethodSummary(ofOrder, List.of(describe), List.of(), List.of(),
        new ReturnValue(List.of(), List.of(), List.of()), List.of(), List.of("com.acme.Describer"),
        java.util.Map.of("com.acme.Describer", List.of("com.acme.Order")));
    CallResult onOrders = new CallResult(describe, 40, false, List.of(), List.of("com.acme.Order"));
    CallResult onOrderDescriber = new CallResult(describe, 41, false, List.of("com.acme.OrderDescriber"), List.of());
    CallResult onUsers = new CallResult(describe, 42, false, List.of(), List.of("com.acme.User"));
    CallResult onAny = new CallResult(describe, 43);
    assertEquals(List.of(), flows(user, order, loggingResult(REGISTER, List.of(), onOrders)));
    assertEquals(List.of(), flows(user, order, loggingResult(REGISTER, List.of(), onOrderDescriber)));
    List<Flow> logged = List.of(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(ofUser, REGISTER)));
    assertEquals(logged, flows(user, order, loggingResult(REGISTER, List.of(), onUsers)));
    assertEquals(logged, flows(user, order, loggingResult(REGISTER, List.of(), onAny)));
    Inventory inventory = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(),
        List.of(user, loggingResult(REGISTER, List.of(), onOrders), loggingResult(SEND, List.of(), onAny)));
    String json = InventoryJson.write(inventory);
    assertEquals(1, json.split("\"receiverArguments\"", -1).length - 1, json);
    assertEquals(inventory.summaries(),
        InventoryJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "inventory.json").summaries());
  }

  @Test
  void aReturnedParameterCarriesWhatTheCallerPassedAtThatLine() {
    // log.info(quote(user.getEmail())) at line 40; quote returns its parameter; a call at another
    // line passes nothing personal
    List<Flow> flows = flows(
        returning(QUOTE, List.of(), new ReturnValue(List.of(), List.of(0), List.of())),
        loggingResult(REGISTER, List.of(new ArgumentPass(QUOTE, 0, 40, List.of(EMAIL), List.of(), Confidence.DIRECT)),
            new CallResult(QUOTE, 40)),
        loggingResult(SEND, List.of(new ArgumentPass(QUOTE, 0, 12, List.of(EMAIL), List.of(), Confidence.DIRECT)),
            new CallResult(QUOTE, 40)));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(REGISTER))), flows);
  }

  @Test
  void resultsReturnedThroughSeveralMethodsAndPassedOnAreFollowed() {
    // describe returns quote(u.getEmail()); register passes describe(user) to deliver, which logs it
    List<Flow> flows = flows(
        returning(QUOTE, List.of(), new ReturnValue(List.of(), List.of(0), List.of())),
        returning(DESCRIBE, List.of(new ArgumentPass(QUOTE, 0, 7, List.of(EMAIL), List.of(), Confidence.DIRECT)),
            new ReturnValue(List.of(), List.of(), List.of(new CallResult(QUOTE, 7)))),
        summary(REGISTER, List.of(new ArgumentPass(DELIVER, 0, 40, List.of(), List.of(), Confidence.VIA_CALL,
            List.of(new CallResult(DESCRIBE, 40)))), List.of()),
        summary(DELIVER, List.of(), List.of(log(0))));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(DESCRIBE, REGISTER, DELIVER))), flows);
  }

  @Test
  void aParameterReturnedByACalleeAndLoggedIsAParameterSinkForCallers() {
    // register(user) calls send(user.getEmail()); send logs quote(its parameter)
    List<Flow> flows = flows(
        summary(REGISTER, List.of(readPass(SEND, 0, EMAIL)), List.of()),
        returning(QUOTE, List.of(), new ReturnValue(List.of(), List.of(0), List.of())),
        loggingResult(SEND, List.of(forward(QUOTE, 0, 0)), new CallResult(QUOTE, 20)));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(REGISTER, SEND))), flows);
  }

  @Test
  void mutuallyRecursiveReturnsSettle() {
    String a = "com.acme.A#a(java.lang.String)";
    String b = "com.acme.B#b(java.lang.String)";
    List<Flow> flows = flows(
        returning(a, List.of(), new ReturnValue(List.of(EMAIL), List.of(), List.of(new CallResult(b, 3)))),
        returning(b, List.of(), new ReturnValue(List.of(), List.of(), List.of(new CallResult(a, 4)))),
        loggingResult(REGISTER, List.of(), new CallResult(b, 40)));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(a, b, REGISTER))), flows);
  }

  @Test
  void returnsAndResultSinksSurviveJson() {
    Inventory inventory = new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(), List.of(
        returning(DESCRIBE, List.of(new ArgumentPass(QUOTE, 0, 7, List.of(EMAIL), List.of(), Confidence.DIRECT,
            List.of(new CallResult(QUOTE, 6)))), new ReturnValue(List.of(EMAIL), List.of(0), List.of(new CallResult(QUOTE, 7)))),
        loggingResult(REGISTER, List.of(), new CallResult(DESCRIBE, 40))));
    String json = InventoryJson.write(inventory);
    assertEquals(inventory, InventoryJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "x"));
    org.junit.jupiter.api.Assertions.assertFalse(json.contains("\"empty\""), json); // no schema field
    // fragments written before the schema lost that stray field still read
    assertEquals(inventory, InventoryJson.read(json.replace("\"results\" : [", "\"empty\" : false, \"results\" : [")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "x"));
    String plain = InventoryJson.write(new Inventory(Inventory.SCHEMA, List.of(), List.of(), List.of(),
        List.of(summary(SEND, List.of(readPass(DELIVER, 0, EMAIL)), List.of()))));
    org.junit.jupiter.api.Assertions.assertFalse(plain.contains("returns") || plain.contains("results")
        || plain.contains("resultSinks"), plain);
  }

  private static final String BODY = "com.acme.Response#body";
  private static final String RESPOND = "com.acme.Response#ok(java.lang.Object)";
  private static final String BODY_TEXT = "com.acme.Response#text()";

  @Test
  void aValueStoredInAFieldReachesEveryReadOfItWithTheFieldInThePath() {
    // register(user): Response.ok(user); ok stores its parameter in Response#body; write logs a
    // response's text(), which returns the body field; the store is found while following, after
    // text() was settled, so only a second round sees it
    List<Flow> flows = flows(
        summary(REGISTER, List.of(readPass(RESPOND, 0, EMAIL)), List.of()),
        summary(RESPOND, List.of(new ArgumentPass(BODY, 0, 5, List.of(), List.of(0), Confidence.DIRECT)), List.of()),
        returning(BODY_TEXT, List.of(), new ReturnValue(List.of(), List.of(), List.of(new CallResult(BODY, 6)))),
        loggingResult(SEND, List.of(), new CallResult(BODY_TEXT, 40)));
    assertEquals(List.of(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(REGISTER, RESPOND, BODY, BODY_TEXT, SEND))),
        flows);
  }

  @Test
  void aFieldKeepsThePathFromEachMethodThatStoredAnElementInIt() {
    // register(user) and export(user) both answer Response.ok(user): the body field holds the
    // address from both, and the logged response is a flow from each
    String export = "com.acme.Export#export(com.acme.User)";
    List<Flow> flows = flows(
        summary(REGISTER, List.of(readPass(RESPOND, 0, EMAIL)), List.of()),
        summary(export, List.of(readPass(RESPOND, 0, EMAIL)), List.of()),
        summary(RESPOND, List.of(new ArgumentPass(BODY, 0, 5, List.of(), List.of(0), Confidence.DIRECT)), List.of()),
        returning(BODY_TEXT, List.of(), new ReturnValue(List.of(), List.of(), List.of(new CallResult(BODY, 6)))),
        loggingResult(SEND, List.of(), new CallResult(BODY_TEXT, 40)));
    assertEquals(Set.of(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(REGISTER, RESPOND, BODY, BODY_TEXT, SEND)),
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(export, RESPOND, BODY, BODY_TEXT, SEND))), Set.copyOf(flows));
    assertEquals(2, flows.size());
  }

  @Test
  void aFieldNothingPersonalIsStoredInCarriesNothing() {
    List<Flow> flows = flows(
        summary(RESPOND, List.of(new ArgumentPass(BODY, 0, 5, List.of(), List.of(0), Confidence.DIRECT)), List.of()),
        loggingResult(SEND, List.of(), new CallResult(BODY, 40)));
    assertEquals(List.of(), flows);
  }

  @Test
  void aMethodMayReadBackThroughAFieldWhatItStoredButNotCallItselfAgain() {
    // register(user): order.setContact(user.getEmail()); log(order): the contact field read back
    String setter = "com.acme.Order#setContact(java.lang.String)";
    String contact = "com.acme.Order#contact";
    List<Flow> flows = flows(
        loggingResult(REGISTER, List.of(readPass(setter, 0, EMAIL)), new CallResult(contact, 41)),
        summary(setter, List.of(new ArgumentPass(contact, 0, 3, List.of(), List.of(0), Confidence.DIRECT)), List.of()),
        summary(DELIVER, List.of(readPass(DELIVER, 0, EMAIL)), List.of(log(0))));
    assertEquals(List.of(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(REGISTER, setter, contact, REGISTER))), flows);
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.InventoryInputs;
import dev.piiwarden.core.inventory.InventoryMerger;
import dev.piiwarden.core.inventory.SinkKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Method summaries in fragments give, once merged, every path from a data element to a sink. */
class FlowPathsTest {

  private static final String CHAIN = """
      package com.acme;
      public class Signup {
        private final Formatter formatter = new Formatter();
        public void register(User user) { formatter.line(user.getEmail()); }
      }
      class Formatter {
        private final Audit audit = new Audit();
        void line(String text) { audit.record("new: " + text); }
      }
      class Audit {
        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Audit.class);
        void record(String entry) { log.info(entry); }
      }
      """;

  @Test
  void aChainAReadsBReceivesCLogsHasTheWholePath() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Signup", CHAIN));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows()).containsExactly(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
        "com.acme.Signup#register(com.acme.User)",
        "com.acme.Formatter#line(java.lang.String)",
        "com.acme.Audit#record(java.lang.String)")));
  }

  @Test
  void aCalleeThatLogsOneMemberOfAWholeObjectPassesOnlyThatMember() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Accounts", """
            package com.acme;
            public class Accounts {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Accounts.class);
              public void register(User user) {
                log.info("registered {}", user.getEmail());
              }
              public void update(User user) {
                log.info("updated {}", user.name);
              }
            }
            """),
        FlowCompilation.source("com.acme.Routes", """
            package com.acme;
            public class Routes {
              private final Accounts accounts = new Accounts();
              void post(User user) { accounts.register(user); }
              void put(User user) { accounts.update(user); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows()).containsExactly(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of("com.acme.Accounts#register(com.acme.User)")),
        new Flow("com.acme.Person#name", SinkKind.LOG, LOG, List.of("com.acme.Accounts#update(com.acme.User)")));
  }

  @Test
  void aCalleeThatLogsOnlyWhatIsNoPersonalDataOfAWholeObjectHasNoFlow() {
    String audit = """
        package com.acme;
        public class Audit {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Audit.class);
          void byGetter(Account account) { log.info("account {}", account.getId()); }
          void byField(Account account) { log.info("account {}", account.id); }
          void byMethod(Account account) { log.info("account {}", account.label()); } // label
          void onward(Account account) { note(account.getId()); }
          void note(String id) { log.info("id {}", id); }
          void byReference(java.util.List<Account> accounts) {
            accounts.stream().map(Account::getId).forEach(id -> log.info(id));
          }
          void whole(Account account) { log.info("account {}", account); }
          void held(Envelope envelope) { log.info("body {}", envelope.getBody()); }
          String idOf(Account account) { return account.getId(); }
          void byReturn(Account account) { log.info("account {}", idOf(account)); } // returned
        }
        """;
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Audit", audit),
        FlowCompilation.source("com.acme.Account", """
            package com.acme;
            public class Account extends User {
              String id;
              public String getId() { return id; }
              public String label() { return "account-" + id; }
            }
            """),
        FlowCompilation.source("com.acme.Envelope", """
            package com.acme;
            public class Envelope {
              private final String body;
              public Envelope(String body) { this.body = body; }
              public String getBody() { return body; }
            }
            """),
        FlowCompilation.source("com.acme.Routes", """
            package com.acme;
            public class Routes {
              private final Audit audit = new Audit();
              void route(Account account) {
                audit.byGetter(account);
                audit.byField(account);
                audit.byMethod(account);
                audit.onward(account);
                audit.byReference(java.util.List.of(account));
                audit.byReturn(account);
              }
              void logged(Account account) { audit.whole(account); }
              void sent(Account account) { audit.held(new Envelope(account.getEmail())); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    // account.label() and idOf(account) return no personal data: no warning where they are logged
    for (String line : List.of("label", "returned")) {
      assertThat(compiled.compilation.diagnostics().stream().filter(d -> d.getMessage(null).contains("PW018")
          && d.getSource().getName().endsWith("Audit.java")
          && d.getLineNumber() == FlowCompilation.line(audit, line)).toList()).isEmpty();
    }
    List<Flow> flows = compiled.merged().flows();
    assertThat(flows.stream()
            .filter(flow -> flow.path().get(0).equals("com.acme.Routes#route(com.acme.Account)")).toList())
        .isEmpty();
    assertThat(flows).containsAtLeast(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
            "com.acme.Routes#logged(com.acme.Account)", "com.acme.Audit#whole(com.acme.Account)")),
        new Flow(PHONE, SinkKind.LOG, LOG, List.of(
            "com.acme.Routes#logged(com.acme.Account)", "com.acme.Audit#whole(com.acme.Account)")));
    // what the envelope holds is no member of Envelope: it still reaches the log through the getter
    assertThat(flows.stream().anyMatch(flow -> flow.element().equals(EMAIL)
        && flow.path().contains("com.acme.Routes#sent(com.acme.Account)")
        && flow.path().contains("com.acme.Audit#held(com.acme.Envelope)"))).isTrue();
  }

  @Test
  void aCallThroughAnInterfaceReachesTheImplementation() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Notifier", """
            package com.acme;
            public interface Notifier { void notify(String address); }
            """),
        FlowCompilation.source("com.acme.LogNotifier", """
            package com.acme;
            public class LogNotifier implements Notifier {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LogNotifier.class);
              @Override public void notify(String address) { log.info("to {}", address); }
            }
            """),
        FlowCompilation.source("com.acme.Welcome", """
            package com.acme;
            public class Welcome {
              void greet(Notifier notifier, User user) { notifier.notify(user.getEmail()); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.summary("com.acme.LogNotifier", "com.acme.LogNotifier#notify(java.lang.String)").overrides())
        .containsExactly("com.acme.Notifier#notify(java.lang.String)");
    assertThat(compiled.merged().flows()).containsExactly(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
        "com.acme.Welcome#greet(com.acme.Notifier,com.acme.User)",
        "com.acme.LogNotifier#notify(java.lang.String)")));
  }

  /**
   * A getter called through the interface it implements ({@code task.getRecipients()} on {@code
   * Task}) returns the annotated field of the implementation: the accessor's summary says so, and
   * the merge follows the call to it.
   */
  @Test
  void anAccessorCalledThroughAnInterfaceReturnsItsElement() {
    FlowCompilation compiled = FlowCompilation.compile(
        FlowCompilation.source("com.acme.Task", """
            package com.acme;
            public interface Task { java.util.Set<String> getRecipients(); }
            """),
        FlowCompilation.source("com.acme.MailTask", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            public class MailTask implements Task {
              @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
              private java.util.Set<String> recipients = new java.util.HashSet<>();
              @Override public java.util.Set<String> getRecipients() { return recipients; }
            }
            """),
        FlowCompilation.source("com.acme.Job", """
            package com.acme;
            public class Job {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Job.class);
              void run(Task task) { log.info("to {}", task.getRecipients()); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows()).containsExactly(new Flow("com.acme.MailTask#recipients", SinkKind.LOG, LOG,
        List.of("com.acme.MailTask#getRecipients()", "com.acme.Job#run(com.acme.Task)")));
  }

  /**
   * {@code super.save(user)} runs the superclass's method, not the overrides of it in the
   * superclass's other subclasses: the flow goes through {@code Dao#save} alone.
   */
  @Test
  void aCallOnSuperReachesTheSuperclassMethodAlone() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Dao", """
            package com.acme;
            public class Dao {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Dao.class);
              public void save(Object entity) { log.info("saving {}", entity); }
            }
            """),
        FlowCompilation.source("com.acme.UserDao", """
            package com.acme;
            public class UserDao extends Dao {
              @Override public void save(Object entity) { super.save(entity); }
            }
            """),
        FlowCompilation.source("com.acme.AuditDao", """
            package com.acme;
            public class AuditDao extends Dao {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditDao.class);
              @Override public void save(Object entity) { log.warn("audit " + entity); }
            }
            """),
        FlowCompilation.source("com.acme.Signup", """
            package com.acme;
            public class Signup {
              void register(UserDao users, User user) { users.save(user.getEmail()); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows().stream()
        .filter(flow -> flow.path().get(0).equals("com.acme.Signup#register(com.acme.UserDao,com.acme.User)"))
        .map(flow -> String.join(" > ", flow.path()) + " " + flow.target()).toList())
        .containsExactly("com.acme.Signup#register(com.acme.UserDao,com.acme.User) > com.acme.UserDao#save(java.lang.Object)"
            + " > com.acme.Dao#save(java.lang.Object) " + LOG);
  }

  /**
   * A call on an object of a subtype of the method's type ({@code member.note(…)}, {@code note}
   * declared in {@code Account}) runs the overrides that subtype may run, not those of the
   * method's other implementations ({@code Guest}'s).
   */
  @Test
  void aCallOnASubtypeReachesOnlyTheOverridesThatTypeMayRun() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Account", """
            package com.acme;
            public interface Account { void note(String text); }
            """),
        FlowCompilation.source("com.acme.Member", """
            package com.acme;
            public interface Member extends Account {}
            """),
        FlowCompilation.source("com.acme.MemberEntity", """
            package com.acme;
            public class MemberEntity implements Member {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MemberEntity.class);
              @Override public void note(String text) { log.info("member {}", text); }
            }
            """),
        FlowCompilation.source("com.acme.Guest", """
            package com.acme;
            public class Guest implements Account {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Guest.class);
              @Override public void note(String text) { log.warn("guest " + text); }
            }
            """),
        FlowCompilation.source("com.acme.Notes", """
            package com.acme;
            public class Notes {
              void onMember(Member member, User user) { member.note(user.getEmail()); }
              void onAccount(Account account, User user) { account.note(user.getEmail()); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(stepsFrom(compiled, "com.acme.Notes"))
        .containsExactly("onMember(com.acme.Member,com.acme.User) > com.acme.MemberEntity#note(java.lang.String)",
            "onAccount(com.acme.Account,com.acme.User) > com.acme.MemberEntity#note(java.lang.String)",
            "onAccount(com.acme.Account,com.acme.User) > com.acme.Guest#note(java.lang.String)");
  }

  /**
   * A call on an object whose type has type arguments ({@code attr.setOwner(user)} on a {@code
   * PlainAttr<User>}) runs no override in a class that gives that type other arguments ({@code
   * GroupAttr implements PlainAttr<Group>}); a generic implementation may run, and a call on the raw
   * type may run any.
   */
  @Test
  void aCallOnAParameterizedTypeReachesOnlyTheOverridesItsTypeArgumentsAllow() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.PlainAttr", """
            package com.acme;
            public interface PlainAttr<O> { void setOwner(O owner); }
            """),
        FlowCompilation.source("com.acme.Group", """
            package com.acme;
            public class Group {}
            """),
        FlowCompilation.source("com.acme.UserAttr", """
            package com.acme;
            public class UserAttr implements PlainAttr<User> {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserAttr.class);
              @Override public void setOwner(User owner) { log.info("owner {}", owner); }
            }
            """),
        FlowCompilation.source("com.acme.GroupAttr", """
            package com.acme;
            public class GroupAttr implements PlainAttr<Group> {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GroupAttr.class);
              @Override public void setOwner(Group owner) { log.info("group {}", owner); }
            }
            """),
        FlowCompilation.source("com.acme.AnyAttr", """
            package com.acme;
            public class AnyAttr<O> implements PlainAttr<O> {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AnyAttr.class);
              @Override public void setOwner(O owner) { log.info("any {}", owner); }
            }
            """),
        FlowCompilation.source("com.acme.Owners", """
            package com.acme;
            public class Owners {
              void ofUser(PlainAttr<User> attr, User user) { attr.setOwner(user); }
              @SuppressWarnings({"rawtypes", "unchecked"})
              void ofRaw(PlainAttr attr, User user) { attr.setOwner(user); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    String ofUser = "ofUser(com.acme.PlainAttr,com.acme.User) > ";
    String ofRaw = "ofRaw(com.acme.PlainAttr,com.acme.User) > ";
    assertThat(stepsFrom(compiled, "com.acme.Owners"))
        .containsExactly(ofUser + "com.acme.UserAttr#setOwner(com.acme.User)",
            ofUser + "com.acme.AnyAttr#setOwner(java.lang.Object)",
            ofRaw + "com.acme.UserAttr#setOwner(com.acme.User)",
            ofRaw + "com.acme.GroupAttr#setOwner(com.acme.Group)",
            ofRaw + "com.acme.AnyAttr#setOwner(java.lang.Object)");
  }

  /**
   * What a call returns is what the overrides it may run return: a {@code Describer<Order>} or an
   * {@code OrderDescriber} does not return what a {@code UserDescriber} does.
   */
  @Test
  void aCallResultCarriesWhatTheOverridesTheCallMayRunReturn() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Describer", """
            package com.acme;
            public interface Describer<T> { String describe(T value); }
            """),
        FlowCompilation.source("com.acme.Order", """
            package com.acme;
            public class Order {}
            """),
        FlowCompilation.source("com.acme.UserDescriber", """
            package com.acme;
            public class UserDescriber implements Describer<User> {
              @Override public String describe(User user) { return "user " + user.getEmail(); }
            }
            """),
        FlowCompilation.source("com.acme.OrderDescriber", """
            package com.acme;
            public class OrderDescriber implements Describer<Order> {
              @Override public String describe(Order order) { return "an order"; }
            }
            """),
        FlowCompilation.source("com.acme.Reports", """
            package com.acme;
            public class Reports {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reports.class);
              void ofOrders(Describer<Order> describer, Order order) { log.info(describer.describe(order)); }
              void ofOrderDescriber(OrderDescriber describer, Order order) { log.info(describer.describe(order)); }
              void ofUsers(Describer<User> describer, User user) { log.info(describer.describe(user)); }
              @SuppressWarnings({"rawtypes", "unchecked"})
              void ofRaw(Describer describer, Order order) { log.info(describer.describe(order)); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows().stream()
            .filter(flow -> flow.path().get(flow.path().size() - 1).startsWith("com.acme.Reports#"))
            .map(flow -> flow.element() + " " + flow.path()).toList())
        .containsExactly(
            "com.acme.User#email [com.acme.UserDescriber#describe(com.acme.User),"
                + " com.acme.Reports#ofUsers(com.acme.Describer,com.acme.User)]",
            "com.acme.User#email [com.acme.UserDescriber#describe(com.acme.User),"
                + " com.acme.Reports#ofRaw(com.acme.Describer,com.acme.Order)]");
  }

  /** Each merged flow that starts in a method of {@code caller}, as "that method > its next step", once each. */
  private static List<String> stepsFrom(FlowCompilation compiled, String caller) {
    return compiled.merged().flows().stream()
        .filter(flow -> flow.path().get(0).startsWith(caller + "#"))
        .map(flow -> flow.path().get(0).substring(caller.length() + 1) + " > " + flow.path().get(1))
        .distinct().toList();
  }

  @Test
  void aMethodReferenceToAProjectMethodPassesWhatItIsAppliedTo() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Mailing", """
            package com.acme;
            import java.util.List;
            import java.util.Optional;
            public class Mailing {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Mailing.class);
              void all(List<User> users) { users.stream().map(User::getEmail).forEach(this::note); }
              void one(Optional<User> user) { user.map(User::getEmail).ifPresent(Mailing::noted); }
              void names(List<String> names) { names.forEach(this::note); }
              void note(String text) { log.info(text); }
              static void noted(String text) { log.info(text); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows()).containsExactly(
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
            "com.acme.Mailing#all(java.util.List)", "com.acme.Mailing#note(java.lang.String)")),
        new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
            "com.acme.Mailing#one(java.util.Optional)", "com.acme.Mailing#noted(java.lang.String)")));
    assertThat(compiled.summary("com.acme.Mailing", "com.acme.Mailing#all(java.util.List)").passes())
        .comparingElementsUsing(com.google.common.truth.Correspondence.<dev.piiwarden.core.inventory.ArgumentPass, Confidence>transforming(
            dev.piiwarden.core.inventory.ArgumentPass::confidence, "has confidence"))
        .containsExactly(Confidence.LAMBDA);
    // what a caller hands to names(…) goes on to note(…): its own parameter, no element of its own
    assertThat(compiled.summary("com.acme.Mailing", "com.acme.Mailing#names(java.util.List)").passes())
        .containsExactly(new dev.piiwarden.core.inventory.ArgumentPass("com.acme.Mailing#note(java.lang.String)",
            0, 8, List.of(), List.of(0), Confidence.LAMBDA, List.of()));
  }

  @Test
  void recursionAndCyclesTerminate() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Loop", """
            package com.acme;
            public class Loop {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Loop.class);
              void start(User user) { ping(user.getEmail(), 3); }
              void ping(String s, int n) { if (n > 0) { pong(s, n - 1); ping(s, n - 1); } }
              void pong(String s, int n) { ping(s, n); log.info(s); }
            }
            """));
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows()).containsExactly(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
        "com.acme.Loop#start(com.acme.User)",
        "com.acme.Loop#ping(java.lang.String,int)",
        "com.acme.Loop#pong(java.lang.String,int)")));
  }

  @Test
  void twoSeparatelyCompiledModulesShowTheFlowThatCrossesThem(@TempDir Path dir) throws IOException {
    StandaloneCompilation a = moduleA(dir,
        "com/acme/Signup.java", """
        package com.acme;
        public class Signup {
          private final com.acme.out.Sender sender;
          public Signup(com.acme.out.Sender sender) { this.sender = sender; }
          public void register(User user) { sender.send(user.getEmail()); }
        }
        """,
        "com/acme/out/Sender.java", """
        package com.acme.out;
        public interface Sender { void send(String text); }
        """);
    StandaloneCompilation b = moduleB(dir, a, "com/acme/b/LogSender.java", """
        package com.acme.b;
        public class LogSender implements com.acme.out.Sender {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LogSender.class);
          @Override public void send(String text) { log.info(text); }
        }
        """);

    Inventory merged = InventoryMerger.merge(InventoryInputs.readAll(List.of(a.classes(), b.classes()))).inventory();
    assertThat(merged.flows()).containsExactly(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
        "com.acme.Signup#register(com.acme.User)", "com.acme.b.LogSender#send(java.lang.String)")));
  }

  @Test
  void aValueStoredInAFieldInOneModuleAndLoggedInAnotherIsAFlowThroughTheField(@TempDir Path dir)
      throws IOException {
    StandaloneCompilation a = moduleA(dir,
        "com/acme/Envelope.java", """
        package com.acme;
        public record Envelope(String to, String subject) {}
        """,
        "com/acme/Outbox.java", """
        package com.acme;
        public class Outbox {
          private final com.acme.out.Courier courier;
          public Outbox(com.acme.out.Courier courier) { this.courier = courier; }
          public void post(User user) { courier.deliver(new Envelope(user.getEmail(), "hello")); }
        }
        """,
        "com/acme/out/Courier.java", """
        package com.acme.out;
        public interface Courier { void deliver(com.acme.Envelope envelope); }
        """);
    StandaloneCompilation b = moduleB(dir, a, "com/acme/b/LogCourier.java", """
        package com.acme.b;
        public class LogCourier implements com.acme.out.Courier {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LogCourier.class);
          @Override public void deliver(com.acme.Envelope envelope) {
            log.info("to {} about {}", envelope.to(), envelope.subject());
          }
        }
        """);

    Inventory merged = InventoryMerger.merge(InventoryInputs.readAll(List.of(a.classes(), b.classes()))).inventory();
    assertThat(merged.flows()).contains(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
        "com.acme.Outbox#post(com.acme.User)", "com.acme.Envelope#<init>(java.lang.String,java.lang.String)",
        "com.acme.Envelope#to", "com.acme.b.LogCourier#deliver(com.acme.Envelope)")));
    // the envelope handed to deliver carries the address too (its parameter reaches the log)
    assertThat(merged.flows().stream().map(flow -> flow.element() + " " + flow.sink()).distinct().toList())
        .containsExactly(EMAIL + " LOG");
  }

  @Test
  void aValueReturnedByAMethodOfAnotherModuleReachesTheCallersSink(@TempDir Path dir) throws IOException {
    aLabelReachesTheCallersSink(dir, false);
  }

  /** The same with module a packed in a jar, as a build hands a dependency to the compiler. */
  @Test
  void aModuleInAJarHasItsFragmentsReadToo(@TempDir Path dir) throws IOException {
    aLabelReachesTheCallersSink(dir, true);
  }

  /** Module a's {@code Labels#label} returns the address, and module b logs what it returns. */
  private static void aLabelReachesTheCallersSink(Path dir, boolean inAJar) throws IOException {
    StandaloneCompilation a = moduleWithLabels(dir, """
        package com.acme;
        public class Labels {
          public String label(User user) { return "<" + user.getEmail() + ">"; }
        }
        """);
    Path moduleA = inAJar ? jar(a.classes(), dir.resolve("a.jar")) : a.classes();

    String greeter = """
        package com.acme.b;
        public class Greeter {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Greeter.class);
          public void greet(com.acme.User user) {
            String line = new com.acme.Labels().label(user);
            log.info(line); // sink:label
          }
        }
        """;
    write(dir.resolve("b"), "com/acme/b/Greeter.java", greeter);
    StandaloneCompilation b = StandaloneCompilation.run(dir.resolve("b"), dir.resolve("out-b"), List.of(moduleA));
    assertWithMessage(b.diagnostics()).that(b.success()).isTrue();
    // module a's fragment says what label returns, so the log call is flagged where it is written
    assertThat(b.diagnostics()).contains("Greeter.java:" + FlowCompilation.line(greeter, "sink:label")
        + ": warning: PW018: Personal data com.acme.User#email reaches the LOG sink org.slf4j.Logger#info.");

    Inventory merged = InventoryMerger.merge(InventoryInputs.readAll(List.of(moduleA, b.classes()))).inventory();
    assertThat(merged.flows()).containsExactly(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
        "com.acme.Labels#label(com.acme.User)", "com.acme.b.Greeter#greet(com.acme.User)")));
  }

  /** {@code classes} packed into {@code jar}. */
  private static Path jar(Path classes, Path jar) throws IOException {
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar));
        var walk = Files.walk(classes)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new java.util.zip.ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * A fragment on the class path that cannot be read (a broken jar, a file from an incompatible
   * version) is named in one warning, and its class's methods are then followed as a third-party
   * library's are: what they hand back carries what they were handed, so no flow is lost.
   */
  @Test
  void anUnreadableFragmentIsNamedAndItsClassFollowedAsALibrary(@TempDir Path dir) throws IOException {
    StandaloneCompilation a = moduleWithLabels(dir, """
        package com.acme;
        public class Labels {
          public String label(User user) { return "<" + user.getEmail() + ">"; }
          public String other(User user) { return "<" + user.getPhone() + ">"; }
        }
        """);
    Path fragment = a.classes().resolve("META-INF/piiwarden/types/com.acme.Labels.json");
    assertThat(Files.exists(fragment)).isTrue();
    Files.writeString(fragment, "{\"schema\": \"piiwarden-inventory/1\", \"dataElements\": [");

    String greeter = """
        package com.acme.b;
        public class Greeter {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Greeter.class);
          public void greet(com.acme.User user) {
            log.info(new com.acme.Labels().label(user)); // sink:label
            log.info(new com.acme.Labels().other(user)); // sink:other
          }
        }
        """;
    StandaloneCompilation b = moduleB(dir, a, "com/acme/b/Greeter.java", greeter);
    assertThat(b.diagnostics()).contains("warning: PW021: The PII Warden inventory fragment of"
        + " com.acme.Labels on the class path cannot be read: " + fragment + ": not valid JSON");
    assertThat(b.diagnostics().split("PW021", -1)).hasLength(2);

    Inventory fragmentB = InventoryMerger.merge(InventoryInputs.readAll(List.of(b.classes()))).inventory();
    assertThat(fragmentB.activities().stream().flatMap(activity -> activity.sinks().stream()).toList())
        .containsExactly(
            FlowCompilation.sinkAt(greeter, "sink:label", SinkKind.LOG, LOG, Confidence.VIA_CALL, EMAIL, NAME, PHONE),
            FlowCompilation.sinkAt(greeter, "sink:other", SinkKind.LOG, LOG, Confidence.VIA_CALL, EMAIL, NAME, PHONE));
  }

  /**
   * A third-party generic factory whose result has its own type parameter as a type argument
   * ({@code <T> Response<T> ok(T body)}: Spring's {@code ResponseEntity.ok}, Reactor's {@code
   * Mono.just}) hands back what it is handed; a method of the same class that is no such wrapper
   * does not.
   */
  @Test
  void aThirdPartyGenericFactoryWrapsWhatItIsHanded(@TempDir Path dir) throws IOException {
    write(dir.resolve("lib"), "org/example/web/Response.java", """
        package org.example.web;
        public final class Response<T> {
          public static <T> Response<T> ok(T body) { return new Response<>(); }
          public static Response<String> status(Object code) { return new Response<>(); }
        }
        """);
    StandaloneCompilation library =
        StandaloneCompilation.run(dir.resolve("lib"), dir.resolve("out-lib"), List.of(), false);
    assertWithMessage(library.diagnostics()).that(library.success()).isTrue();
    StandaloneCompilation a = moduleA(dir);
    String handler = """
        package com.acme.b;
        import org.example.web.Response;
        public class Handler {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Handler.class);
          void reply(com.acme.User user) {
            log.info("reply {}", Response.ok(java.util.Map.of("mail", user.getEmail()))); // sink:wrapped
            log.info("reply {}", Response.status(user.getPhone()));
          }
        }
        """;
    write(dir.resolve("b"), "com/acme/b/Handler.java", handler);
    StandaloneCompilation b = StandaloneCompilation.run(dir.resolve("b"), dir.resolve("out-b"),
        List.of(a.classes(), library.classes()));
    assertWithMessage(b.diagnostics()).that(b.success()).isTrue();

    Inventory fragmentB = InventoryMerger.merge(InventoryInputs.readAll(List.of(b.classes()))).inventory();
    assertThat(fragmentB.activities().stream().flatMap(activity -> activity.sinks().stream()).toList())
        .containsExactly(FlowCompilation.sinkAt(handler, "sink:wrapped", SinkKind.LOG, LOG, Confidence.VIA_CALL, EMAIL));
  }

  /** In a jar, the warning names the jar too, as the CLI does: {@code a.jar!/META-INF/…}. */
  @Test
  void anUnreadableFragmentInAJarIsNamedWithItsJar(@TempDir Path dir) throws IOException {
    StandaloneCompilation a = moduleWithLabels(dir, """
        package com.acme;
        public class Labels {
          public String label(User user) { return "<" + user.getEmail() + ">"; }
        }
        """);
    Files.writeString(a.classes().resolve("META-INF/piiwarden/types/com.acme.Labels.json"), "{\"schema\": ");
    Path jar = jar(a.classes(), dir.resolve("model-bad.jar"));
    write(dir.resolve("b"), "com/acme/b/Greeter.java", """
        package com.acme.b;
        public class Greeter {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Greeter.class);
          public void greet(com.acme.User user) { log.info(new com.acme.Labels().label(user)); }
        }
        """);
    StandaloneCompilation b = StandaloneCompilation.run(dir.resolve("b"), dir.resolve("out-b"), List.of(jar));
    assertWithMessage(b.diagnostics()).that(b.success()).isTrue();
    assertThat(b.diagnostics()).contains("warning: PW021: The PII Warden inventory fragment of com.acme.Labels"
        + " on the class path cannot be read: " + jar + "!/META-INF/piiwarden/types/com.acme.Labels.json:"
        + " not valid JSON");
  }

  @Test
  void aThirdPartyMethodsResultCarriesWhatItWasHanded(@TempDir Path dir) throws IOException {
    Path library = dir.resolve("library");
    write(library, "org/text/Strings.java", """
        package org.text;
        public final class Strings {
          public static String join(String separator, Object... parts) { return ""; }
          public static int width(String text) { return 0; }
          public static Box box(String text) { return new Box(); }
          public static <T> T same(T value) { return value; }
        }
        """);
    write(library, "org/text/Box.java", """
        package org.text;
        public final class Box {
          public String label() { return ""; }
        }
        """);
    StandaloneCompilation lib = StandaloneCompilation.run(library, dir.resolve("out-lib"), List.of(), false);
    assertWithMessage(lib.diagnostics()).that(lib.success()).isTrue();

    StandaloneCompilation a = moduleWithLabels(dir, """
        package com.acme;
        public class Labels {
          public String label(User user) { return "<" + user.getEmail() + ">"; }
          public String fixed(User user) { return "none"; }
        }
        """);

    String greeter = """
        package com.acme.b;
        import org.text.Strings;
        public class Greeter {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Greeter.class);
          public void joined(com.acme.User user) {
            String line = Strings.join(" ", user.getEmail(), "x");
            log.info(line); // sink:joined
          }
          public void whole(com.acme.User user) {
            log.info(Strings.join(",", user)); // sink:whole
          }
          public void width(com.acme.User user) {
            log.info("{}", Strings.width(user.getEmail()));
          }
          public void boxed(com.acme.User user) {
            log.info(Strings.box(user.getEmail()).label());
          }
          public void same(com.acme.User user) {
            log.info(Strings.same(user.getPhone())); // sink:same
          }
          public void fixed(com.acme.User user) {
            log.info(new com.acme.Labels().fixed(user));
          }
        }
        """;
    write(dir.resolve("b"), "com/acme/b/Greeter.java", greeter);
    StandaloneCompilation b = StandaloneCompilation.run(dir.resolve("b"), dir.resolve("out-b"),
        List.of(a.classes(), lib.classes()));
    assertWithMessage(b.diagnostics()).that(b.success()).isTrue();

    Inventory fragment = InventoryMerger.merge(InventoryInputs.readAll(List.of(b.classes()))).inventory();
    // The library has no fragment: what its join (text) and same (a type variable) hand back
    // carries what they were handed. Its int and its Box carry nothing, and Labels, whose module
    // left a fragment, says fixed returns nothing.
    assertThat(fragment.activities().stream().flatMap(activity -> activity.sinks().stream()).toList())
        .containsExactly(
            FlowCompilation.sinkAt(greeter, "sink:joined", SinkKind.LOG, LOG, Confidence.VIA_CALL, EMAIL),
            FlowCompilation.sinkAt(greeter, "sink:whole", SinkKind.LOG, LOG, Confidence.VIA_CALL,
                EMAIL, NAME, PHONE),
            FlowCompilation.sinkAt(greeter, "sink:same", SinkKind.LOG, LOG, Confidence.VIA_CALL, PHONE));
  }

  @Test
  void fragmentsAreByteIdenticalAcrossCompilations() {
    byte[] first = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Signup", CHAIN)).bytes("com.acme.Signup");
    byte[] second = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Signup", CHAIN)).bytes("com.acme.Signup");
    assertThat(first).isNotNull();
    assertThat(second).isEqualTo(first);
  }

  /** Module "a": the fixtures, {@code labels} as com.acme.Labels and the sink stubs, compiled with PII Warden. */
  private static StandaloneCompilation moduleWithLabels(Path dir, String labels) throws IOException {
    return moduleA(dir, "com/acme/Labels.java", labels);
  }

  /**
   * Module a, compiled in {@code dir/a}: the fixtures' Person and User, the sink stubs, and the
   * given sources ({@code relative path, text} pairs).
   */
  private static StandaloneCompilation moduleA(Path dir, String... sources) throws IOException {
    Path module = dir.resolve("a");
    write(module, "com/acme/Person.java", FlowFixtures.person());
    write(module, "com/acme/User.java", FlowFixtures.user());
    for (int i = 0; i < sources.length; i += 2) {
      write(module, sources[i], sources[i + 1]);
    }
    for (javax.tools.JavaFileObject stub : SinkStubs.all()) {
      write(module, stub.getName().substring(1), stub);
    }
    StandaloneCompilation a = StandaloneCompilation.run(module, dir.resolve("out-a"), List.of());
    assertWithMessage(a.diagnostics()).that(a.success()).isTrue();
    return a;
  }

  /** Module b, {@code source} at {@code relative} in {@code dir/b}, compiled against module a's classes. */
  private static StandaloneCompilation moduleB(Path dir, StandaloneCompilation a, String relative, String source)
      throws IOException {
    write(dir.resolve("b"), relative, source);
    StandaloneCompilation b = StandaloneCompilation.run(dir.resolve("b"), dir.resolve("out-b"), List.of(a.classes()));
    assertWithMessage(b.diagnostics()).that(b.success()).isTrue();
    return b;
  }

  private static void write(Path root, String relative, javax.tools.JavaFileObject source) throws IOException {
    write(root, relative, source.getCharContent(true).toString());
  }

  private static void write(Path root, String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static List<Path> javaFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (var walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
    }
    return files;
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a call of one of the project's own methods returns is what that method's summary says it
 * returns, not whatever its object was built from: a route built with a handler that answers with a
 * user's address does not hand that address to the path parameters its {@code match} returns.
 */
class ReceiverResultsTest {
  private static final String ROUTER = "com.acme.Router";

  static final String SOURCE = """
      package com.acme;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.Function;
      import org.slf4j.Logger;
      record Route(String template, Function<String, Object> handler) {
        List<String> match(String path) {
          return path.startsWith(template) ? List.of(path.substring(template.length())) : List.of();
        }
      }
      class Card {
        private final String line;
        Card(String line) { this.line = line; }
        String render() { return "[" + line + "]"; }
      }
      public class Router {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Router.class);
        private final List<Route> routes = new ArrayList<>();
        void register(User user) {
          routes.add(new Route("/users/", id -> user.getEmail()));
        }
        void dispatch(String path) {
          for (Route route : routes) {
            List<String> parameters = route.match(path);
            log.info("parameters {}", parameters); // sink:parameters
          }
        }
        void card(User user) {
          log.info(new Card(user.getEmail()).render()); // sink:card
        }
      }
      record Mail(String to, String template) {}
      class Mailer {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Mailer.class);
        void receipt(User user) { log.info("mail {}", new Mail(user.getEmail(), "receipt")); }
        void reminder(User user) { log.info("mail {}", new Mail(user.getPhone(), "reminder")); }
      }
      class Session {
        static User current;
      }
      class Report {
        private final String who;
        Report(String id) { this.who = Session.current.getEmail(); }
        @Override public String toString() { return "report by " + who; }
      }
      class Reports {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Reports.class);
        void made(String id) { log.info("report {}", new Report(id)); }
      }
      record UserDto(String mail) {}
      class UserMapper {
        UserDto toDto(User user) { return new UserDto(user.getEmail()); }
      }
      class Users {
        private static final Logger log = org.slf4j.LoggerFactory.getLogger(Users.class);
        private final java.util.Map<String, User> byId = new java.util.HashMap<>();
        private final UserMapper mapper = new UserMapper();
        void keep(String id, User user) { byId.put(id, user); }
        java.util.Optional<User> find(String id) { return java.util.Optional.ofNullable(byId.get(id)); }
        void show(String id) {
          log.info("dto {}", find(id).map(mapper::toDto).orElseThrow());
        }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source(ROUTER, SOURCE));
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void aProjectMethodsResultDoesNotCarryWhatItsObjectWasBuiltFrom() {
    List<Flow> flows = compiled.merged().flows();
    assertThat(flows.stream().filter(flow -> flow.path().contains(ROUTER + "#dispatch(java.lang.String)")).toList())
        .isEmpty();
    assertThat(compiled.compilation.warnings().stream()
        .filter(warning -> warning.getMessage(null).startsWith("PW018"))
        .map(warning -> warning.getLineNumber())
        .toList())
        .doesNotContain((long) FlowCompilation.line(SOURCE, "sink:parameters"));
  }

  /** An object made at the sink holds what it was made from, not what other methods made others of its class from. */
  @Test
  void anObjectMadeAtTheSinkCarriesItsOwnValuesOnly() {
    List<Flow> flows = compiled.merged().flows();
    assertThat(elementsAt(flows, "com.acme.Mailer#receipt(com.acme.User)")).containsExactly(EMAIL);
    assertThat(elementsAt(flows, "com.acme.Mailer#reminder(com.acme.User)")).containsExactly(FlowFixtures.PHONE);
  }

  /** A class's constructor may store more than it is handed: what it stores is logged with the object. */
  @Test
  void anObjectOfAClassMadeAtTheSinkCarriesWhatItsConstructorStores() {
    assertThat(elementsAt(compiled.merged().flows(), "com.acme.Reports#made(java.lang.String)")).containsExactly(EMAIL);
  }

  /** map(mapper::toDto) yields what toDto returns, as map(u -> mapper.toDto(u)) does, not the whole user. */
  @Test
  void aMethodReferenceToAProjectMethodYieldsWhatItReturns() {
    assertThat(elementsAt(compiled.merged().flows(), "com.acme.Users#show(java.lang.String)")).containsExactly(EMAIL);
  }

  private static List<String> elementsAt(List<Flow> flows, String method) {
    return flows.stream().filter(flow -> flow.path().get(flow.path().size() - 1).equals(method))
        .map(Flow::element).distinct().toList();
  }

  @Test
  void whatItReturnsOfItsFieldsStillReachesTheSink() {
    // the address stored in Card#line by the constructor comes back from render()
    assertThat(compiled.merged().flows()).contains(new Flow(EMAIL, SinkKind.LOG, LOG, List.of(
        ROUTER + "#card(com.acme.User)", "com.acme.Card#<init>(java.lang.String)", "com.acme.Card#line",
        "com.acme.Card#render()", ROUTER + "#card(com.acme.User)")));
  }
}

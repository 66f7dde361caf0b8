package dev.piiwarden.samples.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.samples.accounts.RunningService.Reply;

/** The people of the tests and the calls both ITs make. */
final class UserAccounts {
  static final String PURPOSE = "marketing.communications.email";

  /** A person with the values the log must not show under the agent. */
  record Person(String email, String name, String phone, String password) {
    String registration() {
      return "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"password\":\""
          + password + "\"}";
    }

    String login(String withPassword) {
      return "{\"email\":\"" + email + "\",\"password\":\"" + withPassword + "\"}";
    }
  }

  static final Person ANA = new Person("ana.lima@example.com", "Ana Lima", "+44 20 7946 0958", "Correct-Horse-1");
  static final Person BEN = new Person("ben.okafor@example.org", "Ben Okafor", "+1 415 555 0132", "Battery-Staple-2");
  static final Person CHLOE = new Person("chloe.martin@example.net", "Chloe Martin", "+33 1 44 55 66 77", "Tr0ub4dor&3");

  static final String CLIENT_IP = "203.0.113.77";

  private UserAccounts() {}

  static String register(RunningService service, Person person) throws Exception {
    Reply reply = service.call("POST", "/users", person.registration());
    assertEquals(201, reply.status(), () -> "register: " + reply.body());
    return reply.body().get("id").asText();
  }

  static void consent(RunningService service, String id, String method) throws Exception {
    consent(service, id, method, "settings-page");
  }

  /** A grant ({@code PUT}) or withdrawal ({@code DELETE}) with this source; the recorded source. */
  static String consent(RunningService service, String id, String method, String source) throws Exception {
    Reply reply = service.call(method, "/users/" + id + "/consents/" + PURPOSE,
        "{\"source\":\"" + source + "\"}");
    assertEquals(200, reply.status(), () -> method + " consent: " + reply.body());
    return reply.body().get("source").asText();
  }

  /** A source as a support desk types it: the caller's phone number and card. */
  static String phoneCallSource(Person person) {
    return "phone call from " + person.phone() + ", card " + CARD;
  }

  static final String CARD = "4111111111111111";
}

package dev.piiwarden.samples.accounts;

import static dev.piiwarden.samples.accounts.UserAccounts.ANA;
import static dev.piiwarden.samples.accounts.UserAccounts.BEN;
import static dev.piiwarden.samples.accounts.UserAccounts.CARD;
import static dev.piiwarden.samples.accounts.UserAccounts.PURPOSE;
import static dev.piiwarden.samples.accounts.UserAccounts.consent;
import static dev.piiwarden.samples.accounts.UserAccounts.phoneCallSource;
import static dev.piiwarden.samples.accounts.UserAccounts.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.piiwarden.samples.accounts.RunningService.Reply;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same endpoints without the agent: piiwarden-core's configured ledger records consent, the
 * application checks it before each newsletter, and the log is written as the code says, raw.
 */
class UserAccountsWithoutAgentIT {

  @Test
  void everyEndpointWorksAndTheApplicationChecksConsentItself() throws Exception {
    try (RunningService service = RunningService.withoutAgent("without-agent")) {
      String ana = register(service, ANA);
      String ben = register(service, BEN);

      Reply fetched = service.call("GET", "/users/" + ana, null);
      assertEquals(ANA.email(), fetched.body().get("email").asText());
      assertFalse(fetched.body().has("password"), "no password or hash in responses");

      Reply put =
          service.call("PUT", "/users/" + ana, "{\"email\":\"ana.l@example.com\",\"name\":\"Ana Lima\",\"phone\":null}");
      assertEquals(200, put.status(), put.body()::toString);
      assertTrue(put.body().get("phone").isNull());
      Reply patch = service.call("PATCH", "/users/" + ana, "{\"phone\":\"+44 20 7946 0000\"}");
      assertEquals("ana.l@example.com", patch.body().get("email").asText());
      assertEquals(409, service.call("PATCH", "/users/" + ben, "{\"email\":\"ana.l@example.com\"}").status());

      assertEquals(200, service.call("POST", "/login", "{\"email\":\"ana.l@example.com\",\"password\":\"" + ANA.password() + "\"}").status());
      assertEquals(401, service.call("POST", "/login", BEN.login("wrong")).status());
      assertEquals(401, service.call("POST", "/login", "{\"email\":\"nobody@example.com\",\"password\":\"x\"}").status());

      consent(service, ana, "PUT");
      assertEquals("phone call from [REDACTED:phone], card [REDACTED:card]",
          consent(service, ben, "PUT", phoneCallSource(BEN)), "the source is recorded redacted");
      consent(service, ben, "DELETE");
      Reply state = service.call("GET", "/users/" + ben + "/consents/" + PURPOSE, null);
      assertFalse(state.body().get("granted").asBoolean());
      assertEquals(2, state.body().get("history").size());

      Reply newsletter = service.call("POST", "/newsletter/send", null);
      assertEquals("application", newsletter.body().get("enforcedBy").asText());
      assertEquals(1, newsletter.body().get("sent").asInt());
      assertEquals(1, newsletter.body().get("skipped").asInt());

      Reply export = service.call("GET", "/users/" + ana + "/export", null);
      List<String> entries = new ArrayList<>();
      for (JsonNode entry : export.body().get("personalData")) {
        entries.add(entry.get("path").asText() + " " + entry.get("member").asText() + ":"
            + entry.get("category").asText());
      }
      // the user, then each login and each delivery, every member of each
      assertEquals(List.of("[0] email:user.contact.email", "[0] name:user.name",
          "[0] phone:user.contact.phone_number", "[0] createdAt:user.account", "[0] lastActiveAt:user.behavior",
          "[1][0] clientIp:user.device.ip_address", "[1][0] at:user.behavior", "[1][0] succeeded:user.behavior",
          "[2][0] sentTo:user.contact.email", "[2][0] sentAt:user.behavior"), entries);
      assertEquals(1, export.body().get("consents").size());

      assertEquals(204, service.call("DELETE", "/users/" + ben, null).status());
      assertEquals(404, service.call("GET", "/users/" + ben, null).status());
      assertEquals(404, service.call("DELETE", "/users/" + ben, null).status());
      service.stop();

      String log = Files.readString(service.workDir().resolve("logs/app.log"));
      assertTrue(log.contains(BEN.email()), "without the agent the log is as the code writes it");
      assertFalse(log.contains(BEN.password()), "passwords are never logged");
      assertFalse(Files.exists(service.workDir().resolve("piiwarden-audit.jsonl")));
      String ledger = Files.readString(service.workDir().resolve("consent.jsonl"));
      assertTrue(ledger.contains(ben) && !ledger.contains(BEN.email()), ledger);
      assertFalse(ledger.contains(BEN.phone()) || ledger.contains(CARD), ledger);
    }
  }
}

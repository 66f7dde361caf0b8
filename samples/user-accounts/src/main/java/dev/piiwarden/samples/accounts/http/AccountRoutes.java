package dev.piiwarden.samples.accounts.http;

import dev.piiwarden.api.PrivacyContext;
import dev.piiwarden.samples.accounts.model.LoginAttempt;
import dev.piiwarden.samples.accounts.model.Rectification;
import dev.piiwarden.samples.accounts.model.Registration;
import dev.piiwarden.samples.accounts.model.User;
import dev.piiwarden.samples.accounts.service.AccountException;
import dev.piiwarden.samples.accounts.service.AccountService;
import dev.piiwarden.samples.accounts.service.ConsentService;
import dev.piiwarden.samples.accounts.service.NewsletterCampaign;
import dev.piiwarden.samples.accounts.service.RetentionJob;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The service's endpoints (see the module README). */
public final class AccountRoutes {
  private static final String API_ACTOR = "user-accounts-api";

  private AccountRoutes() {}

  /** The body of {@code PUT /users/{id}/consents/{purpose}} and of its withdrawal; optional. */
  public record ConsentChange(String source) {}

  /** The body of {@code POST /admin/retention/run}; optional. */
  public record RetentionRun(String asOf) {}

  public static List<Route> of(
      AccountService accounts,
      ConsentService consents,
      NewsletterCampaign newsletter,
      RetentionJob retention,
      Clock clock) {
    return List.of(
        Route.of("GET", "/health", request -> Response.ok(Map.of("status", "up"))),
        Route.of(
            "POST",
            "/users",
            request -> Response.created(accounts.register(required(request.body(Registration.class)), request.clientIp()))),
        Route.of("GET", "/users/{id}", request -> asSubject(request, () -> Response.ok(accounts.find(request.path(0))))),
        Route.of(
            "PUT",
            "/users/{id}",
            request ->
                asSubject(
                    request,
                    () -> Response.ok(accounts.rectify(request.path(0), required(request.body(Rectification.class)), true)))),
        Route.of(
            "PATCH",
            "/users/{id}",
            request ->
                asSubject(
                    request,
                    () -> Response.ok(accounts.rectify(request.path(0), required(request.body(Rectification.class)), false)))),
        Route.of(
            "DELETE",
            "/users/{id}",
            request ->
                asSubject(
                    request,
                    () -> {
                      accounts.erase(request.path(0));
                      return Response.noContent();
                    })),
        Route.of(
            "POST",
            "/login",
            request -> {
              User user = accounts.login(required(request.body(LoginAttempt.class)), request.clientIp());
              return Response.ok(Map.of("id", user.id()));
            }),
        Route.of(
            "GET", "/users/{id}/export", request -> asSubject(request, () -> Response.ok(accounts.export(request.path(0))))),
        Route.of(
            "GET",
            "/users/{id}/consents",
            request -> asSubject(request, () -> Response.ok(consents.history(accounts.find(request.path(0)).id())))),
        Route.of(
            "GET",
            "/users/{id}/consents/{purpose}",
            request ->
                asSubject(
                    request,
                    () -> {
                      String id = accounts.find(request.path(0)).id();
                      String purpose = request.path(1);
                      return Response.ok(
                          Map.of(
                              "purpose", purpose,
                              "granted", consents.isGranted(id, purpose),
                              "history",
                                  consents.history(id).stream().filter(r -> r.purpose().equals(purpose)).toList()));
                    })),
        Route.of(
            "PUT",
            "/users/{id}/consents/{purpose}",
            request ->
                asSubject(
                    request,
                    () -> {
                      String id = accounts.find(request.path(0)).id();
                      return Response.ok(consents.grant(id, request.path(1), source(request)));
                    })),
        Route.of(
            "DELETE",
            "/users/{id}/consents/{purpose}",
            request ->
                asSubject(
                    request,
                    () -> {
                      String id = accounts.find(request.path(0)).id();
                      return Response.ok(consents.withdraw(id, request.path(1), source(request)));
                    })),
        Route.of("POST", "/newsletter/send", request -> Response.ok(newsletter.run())),
        Route.of(
            "POST",
            "/admin/retention/run",
            request -> {
              RetentionRun run = request.body(RetentionRun.class);
              Instant asOf = run == null || run.asOf() == null ? clock.instant() : instant(run.asOf());
              List<String> erased = retention.run(asOf);
              return Response.ok(Map.of("asOf", asOf.toString(), "erased", erased));
            }));
  }

  private interface SubjectAction {
    Response run() throws Exception;
  }

  /** Runs a request about one user with that user as the thread's data subject. */
  private static Response asSubject(Request request, SubjectAction action) throws Exception {
    try (var scope = PrivacyContext.as(request.path(0)).actor(API_ACTOR)) {
      return action.run();
    }
  }

  private static String source(Request request) throws java.io.IOException {
    ConsentChange change = request.body(ConsentChange.class);
    return change == null || change.source() == null || change.source().isBlank() ? "api" : change.source();
  }

  private static <T> T required(T body) {
    if (body == null) {
      throw new AccountException(AccountException.Kind.INVALID, "a JSON body is required");
    }
    return body;
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new AccountException(AccountException.Kind.INVALID, "asOf is not an ISO-8601 instant: " + text);
    }
  }
}

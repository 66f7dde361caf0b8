package dev.piiwarden.core.report.ropa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.core.inventory.SinkKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which HTTP sinks write the application's own responses and which MESSAGING sinks send e-mail, by
 * the targets the processor's catalogue gives them.
 */
class RecipientCategoriesTest {
  private static final String RESPONSES = "Clients of the application's HTTP API (responses)";
  private static final String CALLED = "Services called over HTTP";

  @ParameterizedTest
  @CsvSource({
      "org.springframework.web.bind.annotation.RestController#return, " + RESPONSES,
      "jakarta.ws.rs.GET#return, " + RESPONSES,
      "jakarta.servlet.http.HttpServletResponse#setHeader, " + RESPONSES,
      "com.sun.net.httpserver.HttpExchange#getResponseBody, " + RESPONSES,
      "org.springframework.ui.Model#addAttribute, " + RESPONSES,
      "org.springframework.web.servlet.mvc.support.RedirectAttributes#addFlashAttribute, " + RESPONSES,
      "org.springframework.web.servlet.ModelAndView#<init>, " + RESPONSES,
      "org.springframework.web.reactive.function.server.ServerResponse$BodyBuilder#bodyValue, " + RESPONSES,
      "org.springframework.web.servlet.function.ServerResponse$BodyBuilder#body, " + RESPONSES,
      "io.javalin.http.Context#json, " + RESPONSES,
      "io.vertx.core.http.HttpServerResponse#end, " + RESPONSES,
      "io.vertx.ext.web.RoutingContext#json, " + RESPONSES,
      "org.springframework.web.client.RestTemplate#postForObject, " + CALLED,
      "org.springframework.web.reactive.function.client.WebClient$RequestBodySpec#bodyValue, " + CALLED,
      "java.net.http.HttpClient#send, " + CALLED,
      "org.springframework.ui.ModelX#addAttribute, " + CALLED})
  void responsesAreTheApiClientsOtherHttpSinksTheServicesCalled(String target, String category) {
    assertEquals(category, RecipientCategories.of(SinkKind.HTTP, target));
  }

  @ParameterizedTest
  @CsvSource({
      "jakarta.mail.Message#setRecipient, Recipients of e-mail the application sends",
      "javax.mail.Part#setText, Recipients of e-mail the application sends",
      "org.springframework.mail.MailMessage#setTo, Recipients of e-mail the application sends",
      "org.springframework.mail.javamail.MimeMessageHelper#setText, Recipients of e-mail the application sends",
      "org.apache.kafka.clients.producer.Producer#send, Message brokers",
      "org.springframework.jms.core.JmsOperations#convertAndSend, Message brokers"})
  void emailIsForItsRecipientsOtherMessagesForBrokers(String target, String category) {
    assertEquals(category, RecipientCategories.of(SinkKind.MESSAGING, target));
  }

  @ParameterizedTest
  @CsvSource({"DATABASE, Databases", "LOG, Application logs"})
  void otherKindsAreNeverResponses(SinkKind kind, String category) {
    assertEquals(category, RecipientCategories.of(kind, "org.springframework.ui.Model#addAttribute"));
  }
}

package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;

import dev.piiwarden.core.inventory.Activity;
import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Inventory;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other ways a web application writes personal data into its responses: a server-rendered
 * view's model (Spring MVC), a response built through a third-party builder (JAX-RS {@code
 * Response.ok(user).build()}), Spring's functional endpoints, Micronaut controllers, Javalin and
 * Vert.x handlers. The web frameworks are compiled apart, as the jars an application depends on.
 */
class WebResponsesTest {
  private static final String MODEL = "org.springframework.ui.Model#addAttribute";

  /** Stand-ins for the frameworks' types, with the shapes of their real signatures. */
  private static final Map<String, String> FRAMEWORKS = Map.ofEntries(
      Map.entry("org/springframework/stereotype/Controller.java", """
          package org.springframework.stereotype;
          import java.lang.annotation.*;
          @Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME) public @interface Controller {}
          """),
      Map.entry("org/springframework/web/bind/annotation/RequestMapping.java", """
          package org.springframework.web.bind.annotation;
          import java.lang.annotation.*;
          @Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)
          public @interface RequestMapping {}
          """),
      Map.entry("org/springframework/web/bind/annotation/GetMapping.java", """
          package org.springframework.web.bind.annotation;
          import java.lang.annotation.*;
          @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME) @RequestMapping
          public @interface GetMapping {}
          """),
      Map.entry("org/springframework/ui/Model.java", """
          package org.springframework.ui;
          public interface Model { Model addAttribute(String name, Object value); }
          """),
      Map.entry("org/springframework/web/servlet/mvc/support/RedirectAttributes.java", """
          package org.springframework.web.servlet.mvc.support;
          public interface RedirectAttributes extends org.springframework.ui.Model {
            RedirectAttributes addFlashAttribute(String name, Object value);
          }
          """),
      Map.entry("org/springframework/web/servlet/ModelAndView.java", """
          package org.springframework.web.servlet;
          public class ModelAndView {
            public ModelAndView(String view) {}
            public ModelAndView(String view, String name, Object value) {}
          }
          """),
      Map.entry("org/springframework/web/reactive/function/server/ServerResponse.java", """
          package org.springframework.web.reactive.function.server;
          public interface ServerResponse {
            static BodyBuilder ok() { return null; }
            interface HeadersBuilder<B extends HeadersBuilder<B>> { B header(String name, String... values); }
            interface BodyBuilder extends HeadersBuilder<BodyBuilder> { Object bodyValue(Object body); }
          }
          """),
      Map.entry("jakarta/ws/rs/HttpMethod.java", """
          package jakarta.ws.rs;
          import java.lang.annotation.*;
          @Target(ElementType.ANNOTATION_TYPE) @Retention(RetentionPolicy.RUNTIME)
          public @interface HttpMethod { String value(); }
          """),
      Map.entry("jakarta/ws/rs/GET.java", """
          package jakarta.ws.rs;
          import java.lang.annotation.*;
          @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME) @HttpMethod("GET")
          public @interface GET {}
          """),
      Map.entry("jakarta/ws/rs/core/Response.java", """
          package jakarta.ws.rs.core;
          public abstract class Response {
            public static ResponseBuilder ok(Object entity) { return null; }
            public static ResponseBuilder status(int status) { return null; }
            public abstract static class ResponseBuilder {
              public abstract Response build();
              public abstract ResponseBuilder entity(Object entity);
            }
          }
          """),
      Map.entry("io/micronaut/http/annotation/HttpMethodMapping.java", """
          package io.micronaut.http.annotation;
          import java.lang.annotation.*;
          @Target(ElementType.ANNOTATION_TYPE) @Retention(RetentionPolicy.RUNTIME)
          public @interface HttpMethodMapping {}
          """),
      Map.entry("io/micronaut/http/annotation/Get.java", """
          package io.micronaut.http.annotation;
          import java.lang.annotation.*;
          @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME) @HttpMethodMapping
          public @interface Get {}
          """),
      Map.entry("io/micronaut/http/annotation/Controller.java", """
          package io.micronaut.http.annotation;
          import java.lang.annotation.*;
          @Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
          public @interface Controller { String value() default "/"; }
          """),
      Map.entry("io/javalin/http/Context.java", """
          package io.javalin.http;
          public interface Context { Context json(Object value); Context result(String text); }
          """),
      Map.entry("io/vertx/core/http/HttpServerResponse.java", """
          package io.vertx.core.http;
          public interface HttpServerResponse {
            Object end(String chunk);
            HttpServerResponse putHeader(String name, String value);
          }
          """));

  static final String PAGES = """
      package com.acme.web;
      import com.acme.User;
      import org.springframework.stereotype.Controller;
      import org.springframework.ui.Model;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.servlet.mvc.support.RedirectAttributes;
      @Controller
      public class Pages {
        @GetMapping
        public String profile(User user, Model model) {
          model.addAttribute("user", user); // sink:model
          return "profile";
        }
        @GetMapping
        public String saved(User user, RedirectAttributes redirect) {
          redirect.addFlashAttribute("mail", user.getEmail()); // sink:flash
          return "redirect:/profile";
        }
        public org.springframework.web.servlet.ModelAndView contact(User user) {
          return new org.springframework.web.servlet.ModelAndView("contact", "phone", user.getPhone()); // sink:view
        }
      }
      """;

  static final String RESOURCE = """
      package com.acme.web;
      import com.acme.User;
      import jakarta.ws.rs.GET;
      import jakarta.ws.rs.core.Response;
      public class Accounts {
        @GET
        public Response get(User user) {
          return Response.ok(user).build(); // sink:jaxrs
        }
        @GET
        public Response mail(User user) {
          Response.ResponseBuilder builder = Response.status(200);
          builder.entity(user.getEmail());
          return builder.build(); // sink:jaxrs-local
        }
        @GET
        public Response gone(User user) {
          return Response.status(410).build();
        }
      }
      """;

  static final String OTHERS = """
      package com.acme.web;
      import com.acme.User;
      import io.micronaut.http.annotation.Controller;
      import io.micronaut.http.annotation.Get;
      @Controller("/users")
      public class Others {
        @Get
        public User shown(User user) {
          return user; // sink:micronaut
        }
        public User notMapped(User user) {
          return user;
        }
        Object functional(User user) {
          var ok = org.springframework.web.reactive.function.server.ServerResponse.ok();
          return ok.bodyValue(user.getEmail()); // sink:functional
        }
        void javalin(io.javalin.http.Context ctx, User user) {
          ctx.json(user); // sink:javalin
        }
        void vertx(io.vertx.core.http.HttpServerResponse response, User user) {
          response.putHeader("X-Phone", user.getPhone()).end("ok"); // sink:vertx
        }
      }
      """;

  private static Inventory inventory;

  @BeforeAll
  static void compile(@TempDir Path dir) throws IOException {
    inventory = StandaloneCompilation.libraryAndApplication(dir, FRAMEWORKS, Map.of(
        "com/acme/web/Pages.java", PAGES,
        "com/acme/web/Accounts.java", RESOURCE,
        "com/acme/web/Others.java", OTHERS));
  }

  private static List<SinkRecord> sinks(String type, String method) {
    String id = "com.acme.web." + type + "#" + method;
    return inventory.activities().stream().filter(activity -> activity.id().equals(id))
        .map(Activity::sinks).findFirst().orElse(List.of());
  }

  @Test
  void whatAViewsModelIsHandedIsWrittenIntoTheRenderedPage() {
    assertThat(sinks("Pages", "profile(com.acme.User,org.springframework.ui.Model)")).containsExactly(
        sinkAt(PAGES, "sink:model", SinkKind.HTTP, MODEL, Confidence.DIRECT, NAME, EMAIL, PHONE));
    assertThat(sinks("Pages", "saved(com.acme.User,org.springframework.web.servlet.mvc.support.RedirectAttributes)"))
        .containsExactly(sinkAt(PAGES, "sink:flash", SinkKind.HTTP,
            "org.springframework.web.servlet.mvc.support.RedirectAttributes#addFlashAttribute", Confidence.DIRECT, EMAIL));
    assertThat(sinks("Pages", "contact(com.acme.User)")).containsExactly(sinkAt(PAGES, "sink:view", SinkKind.HTTP,
        "org.springframework.web.servlet.ModelAndView#<init>", Confidence.DIRECT, PHONE));
  }

  /** {@code Response.ok(user)} gives a builder: it holds the user, and the response it builds carries it. */
  @Test
  void aResponseBuiltThroughAThirdPartyBuilderCarriesWhatTheBuilderWasHanded() {
    assertThat(sinks("Accounts", "get(com.acme.User)")).containsExactly(
        sinkAt(RESOURCE, "sink:jaxrs", SinkKind.HTTP, "jakarta.ws.rs.GET#return", Confidence.VIA_CALL, NAME, EMAIL, PHONE));
    assertThat(sinks("Accounts", "mail(com.acme.User)")).containsExactly(
        sinkAt(RESOURCE, "sink:jaxrs-local", SinkKind.HTTP, "jakarta.ws.rs.GET#return", Confidence.VIA_CALL, EMAIL));
    assertThat(sinks("Accounts", "gone(com.acme.User)")).isEmpty();
  }

  @Test
  void aMicronautControllersMappedMethodReturnsIntoTheResponse() {
    assertThat(sinks("Others", "shown(com.acme.User)")).containsExactly(sinkAt(OTHERS, "sink:micronaut", SinkKind.HTTP,
        "io.micronaut.http.annotation.Controller#return", Confidence.DIRECT, NAME, EMAIL, PHONE));
    assertThat(sinks("Others", "notMapped(com.acme.User)")).isEmpty();
  }

  @Test
  void functionalEndpointsJavalinAndVertxWriteWhatTheyAreHanded() {
    assertThat(sinks("Others", "functional(com.acme.User)")).containsExactly(sinkAt(OTHERS, "sink:functional",
        SinkKind.HTTP, "org.springframework.web.reactive.function.server.ServerResponse$BodyBuilder#bodyValue",
        Confidence.DIRECT, EMAIL));
    assertThat(sinks("Others", "javalin(io.javalin.http.Context,com.acme.User)")).containsExactly(sinkAt(OTHERS,
        "sink:javalin", SinkKind.HTTP, "io.javalin.http.Context#json", Confidence.DIRECT, NAME, EMAIL, PHONE));
    assertThat(sinks("Others", "vertx(io.vertx.core.http.HttpServerResponse,com.acme.User)")).containsExactly(
        sinkAt(OTHERS, "sink:vertx", SinkKind.HTTP, "io.vertx.core.http.HttpServerResponse#putHeader",
            Confidence.DIRECT, PHONE));
  }
}

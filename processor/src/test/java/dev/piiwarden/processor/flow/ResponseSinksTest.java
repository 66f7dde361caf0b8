package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a web framework writes into a response: the values returned by the handler methods of a
 * Spring {@code @RestController} (through its {@code @ResponseBody}), by a method marked {@code
 * @ResponseBody}, and by a JAX-RS resource method ({@code @GET}, through its {@code @HttpMethod}).
 */
class ResponseSinksTest {
  private static final String ACCOUNTS = "com.acme.AccountController";
  private static final String PAGES = "com.acme.PageController";
  private static final String RESOURCE = "com.acme.AccountResource";
  private static final String PROFILES = "com.acme.ProfileController";
  private static final String GENERATED = "com.acme.CustomersController";
  private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController#return";

  static final String ACCOUNTS_SOURCE = """
      package com.acme;
      import org.springframework.http.ResponseEntity;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.RestController;
      @RestController
      public class AccountController {
        private final java.util.Map<String, User> users = new java.util.HashMap<>();
        @GetMapping
        public User get(String id) {
          return users.get(id); // sink:whole
        }
        @GetMapping
        public String email(String id) {
          return users.get(id).getEmail(); // sink:email
        }
        @GetMapping
        public java.util.concurrent.CompletableFuture<User> later(String id) {
          return java.util.concurrent.CompletableFuture.completedFuture(find(id)); // sink:later
        }
        @GetMapping
        public ResponseEntity<?> wildcard(String id) {
          return ResponseEntity.ok(find(id)); // sink:wildcard
        }
        @GetMapping
        public java.util.concurrent.CompletableFuture<Object> async(String id) {
          return java.util.concurrent.CompletableFuture.completedFuture( // sink:async
              java.util.Map.of("mail", find(id).getEmail()));
        }
        @GetMapping
        public void header(String id, jakarta.servlet.http.HttpServletResponse response) {
          response.setHeader("X-Contact", find(id).getEmail()); // sink:header
        }
        @GetMapping
        public String status() {
          return "up";
        }
        @GetMapping
        public User found(String id) {
          User user = java.util.Optional.ofNullable(users.get(id))
              .orElseThrow(() -> new IllegalStateException("no account " + id));
          return user; // sink:found
        }
        public User notMapped(String id) {
          return find(id); // public, but no mapping: Spring does not call it for a request
        }
        private User find(String id) {
          return users.get(id);
        }
        public static User helper(User user) {
          return user;
        }
      }
      """;

  /** Mappings declared on an interface (as an OpenAPI generator writes them), the controller implementing it. */
  static final String GENERATED_SOURCE = """
      package com.acme;
      import org.springframework.web.bind.annotation.RestController;
      @RestController
      public class CustomersController implements CustomersApi {
        @Override
        public User customer(User user) {
          return user; // sink:generated
        }
      }
      """;

  /**
   * Handlers a controller inherits without overriding: a base class's mapped method, and an
   * interface's default method (openapi-generator's delegate pattern); a service implementing the
   * mapped interface is no handler.
   */
  static final String INHERITED_SOURCE = """
      package com.acme;
      import org.springframework.web.bind.annotation.GetMapping;
      public abstract class BaseController {
        @GetMapping
        public User base(User user) {
          return user; // sink:base
        }
        public interface DelegateApi {
          @GetMapping
          default User delegated(User user) {
            return user; // sink:default
          }
        }
        public static class CustomerService implements CustomersApi {
          @Override
          public User customer(User user) {
            return user;
          }
        }
      }
      """;

  /** A JAX-RS resource whose interface carries the resource methods. */
  static final String ACCOUNTS_IMPL_SOURCE = """
      package com.acme;
      public class AccountsImpl implements AccountsApi {
        @Override
        public User account(User user) {
          return user; // sink:resource-interface
        }
      }
      """;

  static final String SHOP_SOURCE = """
      package com.acme;
      import org.springframework.web.bind.annotation.GetMapping;
      @ShopController
      public class ProfileController {
        @GetMapping
        public User profile(User user) {
          return user; // sink:composed
        }
      }
      """;

  static final String PAGES_SOURCE = """
      package com.acme;
      import org.springframework.stereotype.Controller;
      import org.springframework.web.bind.annotation.ResponseBody;
      @Controller
      public class PageController {
        public User model(User user) {
          return user; // a view's model: not written as the response body
        }
        @ResponseBody
        public String phone(User user) {
          return user.getPhone(); // sink:body
        }
      }
      """;

  static final String RESOURCE_SOURCE = """
      package com.acme;
      import jakarta.ws.rs.GET;
      import jakarta.ws.rs.Path;
      @Path("/accounts")
      public class AccountResource {
        @GET
        public User get(User user) {
          return user; // sink:jaxrs
        }
        public User notAResourceMethod(User user) {
          return user;
        }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(List.of(), sources(
        FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source(ACCOUNTS, ACCOUNTS_SOURCE),
        FlowCompilation.source(PAGES, PAGES_SOURCE),
        FlowCompilation.source(RESOURCE, RESOURCE_SOURCE),
        FlowCompilation.source(PROFILES, SHOP_SOURCE),
        FlowCompilation.source(GENERATED, GENERATED_SOURCE),
        FlowCompilation.source("com.acme.CustomersApi", """
            package com.acme;
            public interface CustomersApi {
              @org.springframework.web.bind.annotation.GetMapping
              User customer(User user);
            }
            """),
        FlowCompilation.source("com.acme.AccountsApi", """
            package com.acme;
            public interface AccountsApi {
              @jakarta.ws.rs.GET
              User account(User user);
            }
            """),
        FlowCompilation.source("com.acme.AccountsImpl", ACCOUNTS_IMPL_SOURCE),
        FlowCompilation.source("com.acme.BaseController", INHERITED_SOURCE),
        FlowCompilation.source("com.acme.ShopController", """
            package com.acme;
            import java.lang.annotation.*;
            /** A team's own annotation for its controllers. */
            @Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
            @org.springframework.web.bind.annotation.RestController
            public @interface ShopController {}
            """)));
  }

  private static JavaFileObject[] sources(JavaFileObject... own) {
    List<JavaFileObject> all = new java.util.ArrayList<>(webStubs());
    all.addAll(List.of(own));
    return all.toArray(JavaFileObject[]::new);
  }

  /** Spring's and JAX-RS's annotations and types these tests use, under their real names. */
  static List<JavaFileObject> webStubs() {
    return List.of(
        annotation("org.springframework.web.bind.annotation.ResponseBody", "@Target({ElementType.TYPE, ElementType.METHOD})"),
        annotation("org.springframework.stereotype.Controller", "@Target(ElementType.TYPE)"),
        FlowCompilation.source("org.springframework.web.bind.annotation.RestController", """
            package org.springframework.web.bind.annotation;
            import java.lang.annotation.*;
            @Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
            @org.springframework.stereotype.Controller @ResponseBody
            public @interface RestController {}
            """),
        FlowCompilation.source("org.springframework.web.bind.annotation.RequestMapping", """
            package org.springframework.web.bind.annotation;
            import java.lang.annotation.*;
            @Target({ElementType.TYPE, ElementType.METHOD}) @Retention(RetentionPolicy.RUNTIME)
            public @interface RequestMapping {}
            """),
        FlowCompilation.source("org.springframework.web.bind.annotation.GetMapping", """
            package org.springframework.web.bind.annotation;
            import java.lang.annotation.*;
            @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME) @RequestMapping
            public @interface GetMapping {}
            """),
        FlowCompilation.source("org.springframework.http.ResponseEntity", """
            package org.springframework.http;
            public class ResponseEntity<T> {
              public static <T> ResponseEntity<T> ok(T body) { return new ResponseEntity<>(); }
            }
            """),
        FlowCompilation.source("jakarta.servlet.http.HttpServletResponse", """
            package jakarta.servlet.http;
            public interface HttpServletResponse {
              void setHeader(String name, String value);
            }
            """),
        FlowCompilation.source("jakarta.ws.rs.HttpMethod", """
            package jakarta.ws.rs;
            import java.lang.annotation.*;
            @Target(ElementType.ANNOTATION_TYPE) @Retention(RetentionPolicy.RUNTIME)
            public @interface HttpMethod { String value(); }
            """),
        FlowCompilation.source("jakarta.ws.rs.GET", """
            package jakarta.ws.rs;
            import java.lang.annotation.*;
            @Target(ElementType.METHOD) @Retention(RetentionPolicy.RUNTIME) @HttpMethod("GET")
            public @interface GET {}
            """),
        annotation("jakarta.ws.rs.Path", "@Target({ElementType.TYPE, ElementType.METHOD})"));
  }

  private static JavaFileObject annotation(String name, String target) {
    int dot = name.lastIndexOf('.');
    String member = name.endsWith(".Path") ? " String value();" : "";
    return FlowCompilation.source(name, "package " + name.substring(0, dot) + ";\n"
        + "import java.lang.annotation.*;\n" + target + " @Retention(RetentionPolicy.RUNTIME)\n"
        + "public @interface " + name.substring(dot + 1) + " {" + member + " }\n");
  }

  private static List<?> sinks(String binaryName, String method) {
    return compiled.activity(binaryName, binaryName + "#" + method).sinks();
  }

  @Test
  void compiles() {
    assertThat(compiled.compilation).succeeded();
  }

  @Test
  void aRestControllersHandlerReturnsIntoTheResponse() {
    assertThat(sinks(ACCOUNTS, "get(java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS_SOURCE, "sink:whole", SinkKind.HTTP, REST_CONTROLLER, Confidence.DIRECT, NAME, EMAIL, PHONE));
    assertThat(sinks(ACCOUNTS, "email(java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS_SOURCE, "sink:email", SinkKind.HTTP, REST_CONTROLLER, Confidence.DIRECT, EMAIL));
  }

  @Test
  void aBodyHandedBackByALibraryCallStillCarriesItsObject() {
    assertThat(sinks(ACCOUNTS, "later(java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS_SOURCE, "sink:later", SinkKind.HTTP, REST_CONTROLLER, Confidence.VIA_CALL, NAME, EMAIL, PHONE));
  }

  @Test
  void onlyMappedMethodsOfAnAnnotatedClassAndAnnotatedMethodsReturnIntoTheResponse() {
    List<String> returningToHttp = compiled.merged().flows().stream()
        .filter(flow -> flow.sink() == SinkKind.HTTP)
        .map(flow -> flow.path().get(flow.path().size() - 1) + " " + flow.target())
        .distinct().sorted().toList();
    assertThat(returningToHttp).containsExactly(
        ACCOUNTS + "#email(java.lang.String) " + REST_CONTROLLER,
        ACCOUNTS + "#async(java.lang.String) " + REST_CONTROLLER,
        ACCOUNTS + "#header(java.lang.String,jakarta.servlet.http.HttpServletResponse)"
            + " jakarta.servlet.http.HttpServletResponse#setHeader",
        ACCOUNTS + "#found(java.lang.String) " + REST_CONTROLLER,
        ACCOUNTS + "#later(java.lang.String) " + REST_CONTROLLER,
        ACCOUNTS + "#wildcard(java.lang.String) " + REST_CONTROLLER,
        PROFILES + "#profile(com.acme.User) com.acme.ShopController#return",
        GENERATED + "#customer(com.acme.User) " + REST_CONTROLLER,
        "com.acme.AccountsImpl#account(com.acme.User) jakarta.ws.rs.GET#return",
        "com.acme.BaseController#base(com.acme.User) org.springframework.web.bind.annotation.ResponseBody#return",
        "com.acme.BaseController$DelegateApi#delegated(com.acme.User)"
            + " org.springframework.web.bind.annotation.ResponseBody#return",
        ACCOUNTS + "#get(java.lang.String) " + REST_CONTROLLER,
        PAGES + "#phone(com.acme.User) org.springframework.web.bind.annotation.ResponseBody#return",
        RESOURCE + "#get(com.acme.User) jakarta.ws.rs.GET#return");
  }

  /** A JDK generic factory wraps what it is handed, and a servlet response's header is written to the client. */
  @Test
  void aFutureOfAMapAndAResponseHeaderCarryTheValuesHandedToThem() {
    assertThat(sinks(ACCOUNTS, "async(java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS_SOURCE, "sink:async", SinkKind.HTTP, REST_CONTROLLER, Confidence.VIA_CALL, EMAIL));
    assertThat(sinks(ACCOUNTS, "header(java.lang.String,jakarta.servlet.http.HttpServletResponse)")).containsExactly(
        sinkAt(ACCOUNTS_SOURCE, "sink:header", SinkKind.HTTP, "jakarta.servlet.http.HttpServletResponse#setHeader",
            Confidence.DIRECT, EMAIL));
  }

  /** {@code ResponseEntity.ok(user)} returned as a {@code ResponseEntity<?>}: the value's own type names the body. */
  @Test
  void aBodyNamedByTheReturnedValuesTypeCountsWhenTheDeclaredTypeIsAWildcard() {
    assertThat(sinks(ACCOUNTS, "wildcard(java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS_SOURCE, "sink:wildcard", SinkKind.HTTP, REST_CONTROLLER, Confidence.VIA_CALL, NAME, EMAIL, PHONE));
  }

  /**
   * {@code orElseThrow(() -> new NotFound(id))}: what the function makes is thrown, so the value
   * returned carries neither the id nor the lambda.
   */
  @Test
  void theExceptionOfOrElseThrowIsNotTheValueReturned() {
    assertThat(sinks(ACCOUNTS, "found(java.lang.String)")).containsExactly(
        sinkAt(ACCOUNTS_SOURCE, "sink:found", SinkKind.HTTP, REST_CONTROLLER, Confidence.VIA_CALL, NAME, EMAIL, PHONE));
    assertThat(compiled.summary(ACCOUNTS, ACCOUNTS + "#found(java.lang.String)").sinks()).isEmpty();
  }

  @Test
  void aResponseBodyMethodOfAPlainControllerAndAJaxRsResourceMethodReturnIntoTheResponse() {
    assertThat(sinks(PAGES, "phone(com.acme.User)")).containsExactly(
        sinkAt(PAGES_SOURCE, "sink:body", SinkKind.HTTP, "org.springframework.web.bind.annotation.ResponseBody#return",
            Confidence.DIRECT, PHONE));
    assertThat(compiled.summary(RESOURCE, RESOURCE + "#get(com.acme.User)").sinks().get(0).target())
        .isEqualTo("jakarta.ws.rs.GET#return");
    assertThat(compiled.summary(RESOURCE, RESOURCE + "#notAResourceMethod(com.acme.User)").sinks())
        .isEmpty();
    assertThat(compiled.summary(PAGES, PAGES + "#model(com.acme.User)").sinks()).isEmpty();
  }

  /** Spring and JAX-RS read a mapping from the interface method a handler implements. */
  @Test
  void aMappingDeclaredOnAnImplementedInterfaceMakesAHandler() {
    assertThat(compiled.summary(GENERATED, GENERATED + "#customer(com.acme.User)").sinks().get(0).target())
        .isEqualTo(REST_CONTROLLER);
    assertThat(compiled.summary("com.acme.AccountsImpl", "com.acme.AccountsImpl#account(com.acme.User)")
        .sinks().get(0).target()).isEqualTo("jakarta.ws.rs.GET#return");
  }

  @Test
  void aReturnedByEntryNamesNothingElse(@TempDir Path dir) throws Exception {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), """
        {"sinks": [{"kind": "HTTP", "returnedBy": "io.micronaut.http.annotation.Controller", "methods": ["x"]}]}
        """);
    FlowCompilation failed = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user());
    assertThat(failed.compilation).hadErrorContaining("sinks[0]: \"methods\" does not go with \"returnedBy\"");

    Files.writeString(sinks, """
        {"sinks": [{"kind": "HTTP", "type": "com.acme.Api", "methods": ["send"], "handlers": ["com.acme.Route"]}]}
        """);
    FlowCompilation misplaced = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user());
    assertThat(misplaced.compilation).hadErrorContaining("sinks[0]: \"handlers\" goes only with \"returnedBy\"");
  }
}

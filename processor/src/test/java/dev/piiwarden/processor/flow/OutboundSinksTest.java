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
 * The built-in sinks by which personal data leaves an application other than through a log: an
 * e-mail, a message broker, an HTTP client library or a declared HTTP client interface, and the
 * databases reached through reactive and NoSQL drivers.
 */
class OutboundSinksTest {
  static final String OUTBOX = """
      package com.acme;
      public class Outbox {
        jakarta.mail.Session session;
        org.springframework.mail.MailSender mailSender;
        org.springframework.jms.core.JmsOperations jms;
        org.springframework.amqp.core.AmqpTemplate rabbit;
        software.amazon.awssdk.services.sqs.SqsClient sqs;
        software.amazon.awssdk.services.sns.SnsClient sns;
        public void mail(User user) throws Exception {
          jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(session);
          jakarta.mail.internet.InternetAddress to = new jakarta.mail.internet.InternetAddress(user.getEmail());
          message.setRecipient(jakarta.mail.Message.RecipientType.TO, to); // sink:recipient
          message.setSubject("Your order");
          message.setText("Hello " + user.name); // sink:text
          jakarta.mail.Transport.send(message);
        }
        public void springMail(User user) {
          org.springframework.mail.SimpleMailMessage message = new org.springframework.mail.SimpleMailMessage();
          message.setTo(user.getEmail()); // sink:setTo
          mailSender.send(message);
        }
        public void broker(User user) {
          jms.convertAndSend("orders", user.getPhone()); // sink:jms
          jms.send("orders", session -> session.createTextMessage(user.getEmail())); // sink:creator
          rabbit.convertAndSend("exchange", "key", user); // sink:rabbit
        }
        public void queue(User user) {
          software.amazon.awssdk.services.sqs.model.SendMessageRequest request =
              software.amazon.awssdk.services.sqs.model.SendMessageRequest.builder().messageBody(user.getEmail()).build();
          sqs.sendMessage(request); // sink:sqs
          sns.publish(text -> text.phoneNumber(user.getPhone())); // sink:sns
        }
      }
      """;

  static final String CLIENTS = """
      package com.acme;
      public class Clients {
        jakarta.ws.rs.client.Client client;
        org.apache.http.client.HttpClient http;
        UsersApi users;
        Directory directory;
        Retro retro;
        public void rest(User user) {
          client.target("https://crm.example")
              .path(user.getEmail()) // sink:path
              .request()
              .post(jakarta.ws.rs.client.Entity.json(user)); // sink:post
        }
        public void apache(User user) throws Exception {
          org.apache.http.client.methods.HttpPost post = new org.apache.http.client.methods.HttpPost("https://crm.example");
          post.setHeader("X-Phone", user.getPhone()); // sink:header
          post.setEntity(new org.apache.http.entity.StringEntity(user.getEmail())); // sink:entity
          http.execute(post);
        }
        public void declared(User user) {
          users.create(user); // sink:exchange
          directory.lookup(user.getEmail()); // sink:feign
          directory.normalise(user.getEmail());
          retro.post(user.getPhone()); // sink:retrofit
        }
        @org.springframework.web.service.annotation.HttpExchange("/users")
        interface UsersApi {
          @org.springframework.web.service.annotation.PostExchange void create(User user);
        }
        @org.springframework.cloud.openfeign.FeignClient("directory")
        interface Directory {
          String lookup(String email);
          default String normalise(String email) { return email.trim(); }
        }
        interface Retro {
          @retrofit2.http.POST("/numbers") Object post(String phone);
        }
      }
      """;

  static final String STORES = """
      package com.acme;
      public class Stores {
        io.r2dbc.spi.Connection connection;
        com.datastax.oss.driver.api.core.cql.PreparedStatement insert;
        co.elastic.clients.elasticsearch.ElasticsearchClient search;
        public void r2dbc(User user) {
          connection.createStatement("insert into users(email) values ($1)")
              .bind(0, user.getEmail()); // sink:bind
        }
        public void cassandra(User user) {
          insert.bind(user.getPhone()); // sink:cql
        }
        public void elastic(User user) throws Exception {
          search.index(request -> request.index("users").document(user)); // sink:document
        }
      }
      """;

  private static Inventory inventory;

  @BeforeAll
  static void compile(@TempDir Path dir) throws IOException {
    inventory = StandaloneCompilation.libraryAndApplication(dir, LIBRARIES, Map.of(
        "com/acme/Outbox.java", OUTBOX,
        "com/acme/Clients.java", CLIENTS,
        "com/acme/Stores.java", STORES));
  }

  private static List<SinkRecord> sinks(String type, String method) {
    String id = "com.acme." + type + "#" + method + "(com.acme.User)";
    return inventory.activities().stream().filter(activity -> activity.id().equals(id))
        .map(Activity::sinks).findFirst().orElseThrow(() -> new AssertionError("no activity " + id));
  }

  @Test
  void anEmailsRecipientsAndTextAreMessages() {
    assertThat(sinks("Outbox", "mail")).containsExactly(
        sinkAt(OUTBOX, "sink:recipient", SinkKind.MESSAGING, "jakarta.mail.Message#setRecipient",
            Confidence.VIA_LOCAL, EMAIL),
        sinkAt(OUTBOX, "sink:text", SinkKind.MESSAGING, "jakarta.mail.Part#setText", Confidence.DIRECT,
            NAME));
    assertThat(sinks("Outbox", "springMail")).containsExactly(sinkAt(OUTBOX, "sink:setTo", SinkKind.MESSAGING,
        "org.springframework.mail.MailMessage#setTo", Confidence.DIRECT, EMAIL));
  }

  @Test
  void brokersAndCloudQueuesAreMessages() {
    assertThat(sinks("Outbox", "broker")).containsExactly(
        sinkAt(OUTBOX, "sink:jms", SinkKind.MESSAGING, "org.springframework.jms.core.JmsOperations#convertAndSend",
            Confidence.DIRECT, PHONE),
        sinkAt(OUTBOX, "sink:creator", SinkKind.MESSAGING, "jakarta.jms.Session#createTextMessage",
            Confidence.LAMBDA, EMAIL),
        sinkAt(OUTBOX, "sink:rabbit", SinkKind.MESSAGING, "org.springframework.amqp.core.AmqpTemplate#convertAndSend",
            Confidence.DIRECT, EMAIL, NAME, PHONE));
    // a request made by the SDK's builder carries what the builder was handed
    assertThat(sinks("Outbox", "queue")).containsExactly(
        sinkAt(OUTBOX, "sink:sqs", SinkKind.MESSAGING, "software.amazon.awssdk.services.sqs.SqsClient#sendMessage",
            Confidence.VIA_CALL, EMAIL),
        sinkAt(OUTBOX, "sink:sns", SinkKind.MESSAGING, "software.amazon.awssdk.services.sns.SnsClient#publish",
            Confidence.LAMBDA, PHONE));
  }

  @Test
  void httpClientLibrariesSendWhatTheyAreHanded() {
    assertThat(sinks("Clients", "rest")).containsExactly(
        sinkAt(CLIENTS, "sink:path", SinkKind.HTTP, "jakarta.ws.rs.client.WebTarget#path", Confidence.DIRECT, EMAIL),
        sinkAt(CLIENTS, "sink:post", SinkKind.HTTP, "jakarta.ws.rs.client.SyncInvoker#post", Confidence.VIA_CALL,
            EMAIL, NAME, PHONE));
    assertThat(sinks("Clients", "apache")).containsExactly(
        sinkAt(CLIENTS, "sink:header", SinkKind.HTTP, "org.apache.http.HttpMessage#setHeader", Confidence.DIRECT,
            PHONE),
        sinkAt(CLIENTS, "sink:entity", SinkKind.HTTP, "org.apache.http.HttpEntityEnclosingRequest#setEntity",
            Confidence.DIRECT, EMAIL));
  }

  /**
   * A method a client framework implements from its declaration sends its arguments: annotated
   * itself (Retrofit's {@code @POST}), through an annotation of its annotation (Spring's
   * {@code @PostExchange} is an {@code @HttpExchange}), or abstract in an annotated interface
   * ({@code @FeignClient}); a default method of that interface runs here and sends nothing itself.
   */
  @Test
  void declaredHttpClientsSendTheirArguments() {
    assertThat(sinks("Clients", "declared")).containsExactly(
        sinkAt(CLIENTS, "sink:exchange", SinkKind.HTTP, "com.acme.Clients$UsersApi#create", Confidence.DIRECT,
            EMAIL, NAME, PHONE),
        sinkAt(CLIENTS, "sink:feign", SinkKind.HTTP, "com.acme.Clients$Directory#lookup", Confidence.DIRECT, EMAIL),
        sinkAt(CLIENTS, "sink:retrofit", SinkKind.HTTP, "com.acme.Clients$Retro#post", Confidence.DIRECT,
            PHONE));
  }

  @Test
  void reactiveAndNoSqlDriversStoreWhatTheyBind() {
    assertThat(sinks("Stores", "r2dbc")).containsExactly(
        sinkAt(STORES, "sink:bind", SinkKind.DATABASE, "io.r2dbc.spi.Statement#bind", Confidence.DIRECT, EMAIL));
    assertThat(sinks("Stores", "cassandra")).containsExactly(sinkAt(STORES, "sink:cql", SinkKind.DATABASE,
        "com.datastax.oss.driver.api.core.cql.PreparedStatement#bind", Confidence.DIRECT, PHONE));
    assertThat(sinks("Stores", "elastic")).containsExactly(sinkAt(STORES, "sink:document", SinkKind.DATABASE,
        "co.elastic.clients.elasticsearch.core.IndexRequest$Builder#document", Confidence.LAMBDA,
        EMAIL, NAME, PHONE));
  }

  /** The libraries' types, as small as the fixtures need, under their real names: compiled as third-party jars are. */
  private static final Map<String, String> LIBRARIES = Map.ofEntries(
        Map.entry("jakarta/mail/Session.java", "package jakarta.mail; public final class Session {}"),
        Map.entry("jakarta/mail/Address.java", "package jakarta.mail; public abstract class Address {}"),
        Map.entry("jakarta/mail/Part.java", """
            package jakarta.mail;
            public interface Part { void setText(String text) throws MessagingException; }
            """),
        Map.entry("jakarta/mail/MessagingException.java", "package jakarta.mail; public class MessagingException extends Exception {}"),
        Map.entry("jakarta/mail/Message.java", """
            package jakarta.mail;
            public abstract class Message implements Part {
              public static class RecipientType { public static final RecipientType TO = new RecipientType(); }
              public void setRecipient(RecipientType type, Address address) throws MessagingException {}
              public abstract void setSubject(String subject) throws MessagingException;
            }
            """),
        Map.entry("jakarta/mail/Transport.java", """
            package jakarta.mail;
            public abstract class Transport { public static void send(Message message) throws MessagingException {} }
            """),
        Map.entry("jakarta/mail/internet/MimeMessage.java", """
            package jakarta.mail.internet;
            public class MimeMessage extends jakarta.mail.Message {
              public MimeMessage(jakarta.mail.Session session) {}
              public void setSubject(String subject) {}
              public void setText(String text) {}
            }
            """),
        Map.entry("jakarta/mail/internet/InternetAddress.java", """
            package jakarta.mail.internet;
            public class InternetAddress extends jakarta.mail.Address { public InternetAddress(String address) {} }
            """),
        Map.entry("org/springframework/mail/MailMessage.java", """
            package org.springframework.mail;
            public interface MailMessage { void setTo(String to); }
            """),
        Map.entry("org/springframework/mail/SimpleMailMessage.java", """
            package org.springframework.mail;
            public class SimpleMailMessage implements MailMessage { public void setTo(String to) {} }
            """),
        Map.entry("org/springframework/mail/MailSender.java", """
            package org.springframework.mail;
            public interface MailSender { void send(SimpleMailMessage message); }
            """),
        Map.entry("jakarta/jms/Session.java", """
            package jakarta.jms;
            public interface Session { Object createTextMessage(String text); }
            """),
        Map.entry("org/springframework/jms/core/JmsOperations.java", """
            package org.springframework.jms.core;
            public interface JmsOperations {
              void convertAndSend(String destination, Object message);
              void send(String destination, java.util.function.Function<jakarta.jms.Session, Object> creator);
            }
            """),
        Map.entry("org/springframework/amqp/core/AmqpTemplate.java", """
            package org.springframework.amqp.core;
            public interface AmqpTemplate { void convertAndSend(String exchange, String key, Object message); }
            """),
        Map.entry("software/amazon/awssdk/services/sqs/model/SendMessageRequest.java", """
            package software.amazon.awssdk.services.sqs.model;
            public final class SendMessageRequest {
              public static Builder builder() { return null; }
              public interface Builder {
                Builder messageBody(String body);
                SendMessageRequest build();
              }
            }
            """),
        Map.entry("software/amazon/awssdk/services/sqs/SqsClient.java", """
            package software.amazon.awssdk.services.sqs;
            public interface SqsClient {
              Object sendMessage(software.amazon.awssdk.services.sqs.model.SendMessageRequest request);
            }
            """),
        Map.entry("software/amazon/awssdk/services/sns/model/PublishRequest.java", """
            package software.amazon.awssdk.services.sns.model;
            public final class PublishRequest {
              public interface Builder { Builder phoneNumber(String number); }
            }
            """),
        Map.entry("software/amazon/awssdk/services/sns/SnsClient.java", """
            package software.amazon.awssdk.services.sns;
            public interface SnsClient {
              Object publish(java.util.function.Consumer<software.amazon.awssdk.services.sns.model.PublishRequest.Builder> request);
            }
            """),
        Map.entry("jakarta/ws/rs/client/Entity.java", """
            package jakarta.ws.rs.client;
            public final class Entity<T> { public static <T> Entity<T> json(T entity) { return null; } }
            """),
        Map.entry("jakarta/ws/rs/client/SyncInvoker.java", """
            package jakarta.ws.rs.client;
            public interface SyncInvoker { Object post(Entity<?> entity); }
            """),
        Map.entry("jakarta/ws/rs/client/Invocation.java", """
            package jakarta.ws.rs.client;
            public interface Invocation { interface Builder extends SyncInvoker {} }
            """),
        Map.entry("jakarta/ws/rs/client/WebTarget.java", """
            package jakarta.ws.rs.client;
            public interface WebTarget { WebTarget path(String path); Invocation.Builder request(); }
            """),
        Map.entry("jakarta/ws/rs/client/Client.java", """
            package jakarta.ws.rs.client;
            public interface Client { WebTarget target(String uri); }
            """),
        Map.entry("org/apache/http/HttpMessage.java", """
            package org.apache.http;
            public interface HttpMessage { void setHeader(String name, String value); }
            """),
        Map.entry("org/apache/http/HttpEntity.java", "package org.apache.http; public interface HttpEntity {}"),
        Map.entry("org/apache/http/HttpEntityEnclosingRequest.java", """
            package org.apache.http;
            public interface HttpEntityEnclosingRequest extends HttpMessage { void setEntity(HttpEntity entity); }
            """),
        Map.entry("org/apache/http/entity/StringEntity.java", """
            package org.apache.http.entity;
            public class StringEntity implements org.apache.http.HttpEntity { public StringEntity(String text) {} }
            """),
        Map.entry("org/apache/http/client/methods/HttpPost.java", """
            package org.apache.http.client.methods;
            public class HttpPost implements org.apache.http.HttpEntityEnclosingRequest {
              public HttpPost(String uri) {}
              public void setHeader(String name, String value) {}
              public void setEntity(org.apache.http.HttpEntity entity) {}
            }
            """),
        Map.entry("org/apache/http/client/HttpClient.java", """
            package org.apache.http.client;
            public interface HttpClient { Object execute(org.apache.http.client.methods.HttpPost request); }
            """),
        Map.entry("org/springframework/web/service/annotation/HttpExchange.java", """
            package org.springframework.web.service.annotation;
            @java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE, java.lang.annotation.ElementType.METHOD,
                java.lang.annotation.ElementType.ANNOTATION_TYPE})
            public @interface HttpExchange { String value() default ""; }
            """),
        Map.entry("org/springframework/web/service/annotation/PostExchange.java", """
            package org.springframework.web.service.annotation;
            @HttpExchange
            public @interface PostExchange { String value() default ""; }
            """),
        Map.entry("org/springframework/cloud/openfeign/FeignClient.java", """
            package org.springframework.cloud.openfeign;
            public @interface FeignClient { String value() default ""; }
            """),
        Map.entry("retrofit2/http/POST.java", "package retrofit2.http; public @interface POST { String value() default \"\"; }"),
        Map.entry("io/r2dbc/spi/Statement.java", """
            package io.r2dbc.spi;
            public interface Statement { Statement bind(int index, Object value); }
            """),
        Map.entry("io/r2dbc/spi/Connection.java", """
            package io.r2dbc.spi;
            public interface Connection { Statement createStatement(String sql); }
            """),
        Map.entry("com/datastax/oss/driver/api/core/cql/PreparedStatement.java", """
            package com.datastax.oss.driver.api.core.cql;
            public interface PreparedStatement { Object bind(Object... values); }
            """),
        Map.entry("co/elastic/clients/elasticsearch/core/IndexRequest.java", """
            package co.elastic.clients.elasticsearch.core;
            public final class IndexRequest<T> {
              public static final class Builder<T> {
                public Builder<T> index(String index) { return this; }
                public Builder<T> document(T document) { return this; }
              }
            }
            """),
        Map.entry("co/elastic/clients/elasticsearch/ElasticsearchClient.java", """
            package co.elastic.clients.elasticsearch;
            public class ElasticsearchClient {
              public <T> Object index(java.util.function.Function<co.elastic.clients.elasticsearch.core.IndexRequest.Builder<T>,
                  co.elastic.clients.elasticsearch.core.IndexRequest.Builder<T>> request) { return null; }
            }
            """));
}

package dev.piiwarden.processor.flow;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Small stand-ins for the libraries whose calls are sinks, under their real names, compiled
 * alongside the fixtures (the processor matches on type names and subtyping, not on jars).
 */
final class SinkStubs {
  /** The sink target of the stub logger's {@code info}. */
  static final String LOG = "org.slf4j.Logger#info";

  private SinkStubs() {}

  static List<JavaFileObject> all() {
    return List.of(
        source("org.slf4j.Logger", """
            package org.slf4j;
            public interface Logger {
              void info(String format, Object... arguments);
              void warn(String message);
              void warn(String message, Throwable t);
              void error(String format, Object... arguments);
              void error(String message, Throwable t);
              void debug(String format, Object argument);
            }
            """),
        source("org.slf4j.LoggerFactory", """
            package org.slf4j;
            public final class LoggerFactory {
              public static Logger getLogger(Class<?> type) { return null; }
            }
            """),
        source("com.fasterxml.jackson.databind.ObjectMapper", """
            package com.fasterxml.jackson.databind;
            public class ObjectMapper {
              public String writeValueAsString(Object value) { return ""; }
            }
            """),
        source("com.google.gson.Gson", """
            package com.google.gson;
            public final class Gson {
              public String toJson(Object value) { return ""; }
            }
            """),
        source("org.apache.kafka.clients.producer.Producer", """
            package org.apache.kafka.clients.producer;
            public interface Producer<K, V> {
              void send(ProducerRecord<K, V> record);
            }
            """),
        source("org.apache.kafka.clients.producer.ProducerRecord", """
            package org.apache.kafka.clients.producer;
            public class ProducerRecord<K, V> {
              public ProducerRecord(String topic, V value) {}
            }
            """),
        source("org.jboss.logging.BasicLogger", """
            package org.jboss.logging;
            public interface BasicLogger {
              void infof(String format, Object parameter);
            }
            """),
        source("org.jboss.logging.Logger", """
            package org.jboss.logging;
            public abstract class Logger implements BasicLogger {
              public static Logger getLogger(Class<?> type) { return null; }
            }
            """),
        source("jakarta.persistence.Query", """
            package jakarta.persistence;
            public interface Query {
              Query setParameter(String name, Object value);
            }
            """),
        source("jakarta.persistence.TypedQuery", """
            package jakarta.persistence;
            public interface TypedQuery<X> extends Query {
              TypedQuery<X> setParameter(String name, Object value);
            }
            """),
        annotation("jakarta.persistence.Entity"),
        annotation("jakarta.persistence.MappedSuperclass"),
        annotation("jakarta.persistence.Embeddable"),
        annotation("jakarta.persistence.Transient"),
        annotation("org.springframework.data.jpa.repository.Modifying"),
        annotation("org.apache.ibatis.annotations.Insert"),
        annotation("org.apache.ibatis.annotations.Mapper"),
        source("jakarta.persistence.EntityManager", """
            package jakarta.persistence;
            public interface EntityManager {
              void persist(Object entity);
            }
            """),
        source("org.springframework.data.repository.Repository", """
            package org.springframework.data.repository;
            public interface Repository<T, ID> {}
            """),
        source("org.springframework.data.repository.RepositoryDefinition", """
            package org.springframework.data.repository;
            public @interface RepositoryDefinition {
              Class<?> domainClass();
              Class<?> idClass();
            }
            """),
        source("org.springframework.data.repository.CrudRepository", """
            package org.springframework.data.repository;
            public interface CrudRepository<T, ID> extends Repository<T, ID> {
              <S extends T> S save(S entity);
            }
            """),
        source("jakarta.jms.MessageProducer", """
            package jakarta.jms;
            public interface MessageProducer {
              void send(Object message);
            }
            """));
  }

  static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }

  /** An annotation type kept at run time, as JPA's are. */
  private static JavaFileObject annotation(String name) {
    int dot = name.lastIndexOf('.');
    return source(name, "package " + name.substring(0, dot) + ";\n"
        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
        + "public @interface " + name.substring(dot + 1) + " {}\n");
  }
}

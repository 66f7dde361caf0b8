package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.SinkKind;
import dev.piiwarden.core.inventory.SinkRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -Apiiwarden.sinks adds sinks in the catalogue's format; a bad file is one clear error. */
class SinkOptionTest {
  private static final JavaFileObject CRM = FlowCompilation.source("com.acme.Crm", """
      package com.acme;
      public class Crm {
        public static class Client { public void upload(Object record) {} }
        void sync(Client client, User user) { client.upload(user.getEmail()); }
      }
      """);

  @Test
  void anExtraSinkFileAddsSinks(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"),
        "{\"sinks\":[{\"kind\":\"THIRD_PARTY\",\"type\":\"com.acme.Crm.Client\",\"methods\":[\"upload\"]}]}");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation.notes().stream().map(n -> n.getMessage(null)).toList().toString())
        .doesNotContain("PW025");
    assertThat(compiled.activity("com.acme.Crm", "com.acme.Crm#sync(com.acme.Crm$Client,com.acme.User)").sinks())
        .containsExactly(new SinkRecord(SinkKind.THIRD_PARTY, "com.acme.Crm$Client#upload", 4,
            List.of("com.acme.User#email"), Confidence.DIRECT));
  }

  /**
   * The methods of an {@code argumentsOf} entry may end in {@code *}; a team's entry for an
   * annotation the catalogue has adds methods to the built-in ones.
   */
  @Test
  void anArgumentsEntryCountsTheMethodsItNamesBesideTheBuiltInOnes(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), "{\"sinks\":[{\"kind\":\"DATABASE\","
        + "\"argumentsOf\":\"org.apache.ibatis.annotations.Mapper\",\"methods\":[\"persist*\",\"store\"]}]}");
    JavaFileObject mapper = FlowCompilation.source("com.acme.Users", """
        package com.acme;
        public class Users {
          @org.apache.ibatis.annotations.Mapper
          public interface Mapper {
            void persistUser(User user);
            void store(String email);
            void storeAll(String email);
            void insert(String email);
            void remember(String email);
          }
          void keep(Mapper mapper, User user) {
            mapper.persistUser(user);
            mapper.store(user.getEmail());
            mapper.storeAll(user.getEmail());
            mapper.insert(user.getEmail());
            mapper.remember(user.getEmail());
          }
        }
        """);
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), mapper);
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.activity("com.acme.Users", "com.acme.Users#keep(com.acme.Users$Mapper,com.acme.User)")
            .sinks().stream().map(SinkRecord::target).toList())
        .containsExactly("com.acme.Users$Mapper#persistUser", "com.acme.Users$Mapper#store",
            "com.acme.Users$Mapper#insert");
  }

  @Test
  void aStarOutsideTheEndOfAnArgumentsEntrysMethodOrInATypeEntryIsAnError(@TempDir Path dir) throws IOException {
    Path inside = Files.writeString(dir.resolve("inside.json"), "{\"sinks\":[{\"kind\":\"DATABASE\","
        + "\"argumentsOf\":\"org.apache.ibatis.annotations.Mapper\",\"methods\":[\"ins*ert\"]}]}");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + inside),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).hadErrorCount(1);
    assertThat(compiled.compilation).hadErrorContaining("inside.json, sinks[0]: \"ins*ert\": a \"*\" may only"
        + " end a method name (\"insert*\" for every method whose name starts with \"insert\")");
    Path typed = Files.writeString(dir.resolve("typed.json"),
        "{\"sinks\":[{\"kind\":\"HTTP\",\"type\":\"com.acme.Crm.Client\",\"methods\":[\"up*\"]}]}");
    compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + typed),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).hadErrorCount(1);
    assertThat(compiled.compilation).hadErrorContaining("typed.json, sinks[0]: \"up*\": a \"*\" in a method name"
        + " goes only with \"argumentsOf\"; name each method of \"type\" in full");
  }

  @Test
  void aBadSinkFileIsOneErrorNamingTheEntry(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"),
        "{\"sinks\":[{\"kind\":\"PIGEON\",\"type\":\"com.acme.Crm.Client\",\"methods\":[\"upload\"]}]}");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).failed();
    assertThat(compiled.compilation).hadErrorCount(1);
    assertThat(compiled.compilation).hadErrorContaining(
        "PW020: The sink catalogue named by -Apiiwarden.sinks cannot be used: sinks.json, sinks[0]: unknown kind \"PIGEON\"");
  }

  @Test
  void anEntryWhoseTypeIsNotOnTheClassPathIsANoteNamingIt(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), "{\"sinks\":["
        + "{\"kind\":\"THIRD_PARTY\",\"type\":\"com.acme.Crm.Client\",\"methods\":[\"upload\"]},"
        + "{\"kind\":\"HTTP\",\"type\":\"com.acme.Crm.Clinet\",\"methods\":[\"upload\"]},"
        + "{\"kind\":\"HTTP\",\"type\":\"com.acme.Crm$Client\",\"methods\":[\"upload\"]}]}");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks, "-Apiiwarden.strict"),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.compilation).hadNoteContaining("PW025: The sink catalogue named by -Apiiwarden.sinks:"
        + " sinks.json, sinks[1] names type com.acme.Crm.Clinet, which is not on the class path, so no call"
        + " matches it. Nothing to do if this module does not use that library; otherwise correct the type's"
        + " canonical name.");
    assertThat(compiled.compilation).hadNoteContaining("PW025: The sink catalogue named by -Apiiwarden.sinks:"
        + " sinks.json, sinks[2] names type com.acme.Crm$Client, which is not on the class path, so no call"
        + " matches it (a nested class is named as in source: com.acme.Crm.Client).");
    assertThat(compiled.compilation.notes().stream().filter(n -> n.getMessage(null).contains("PW025")).count())
        .isEqualTo(2);
  }

  @Test
  void aFileWithoutASinksArrayIsOneErrorThatGivesTheFormatOnce(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), "{}");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).hadErrorCount(1);
    String message = compiled.compilation.errors().get(0).getMessage(null);
    assertThat(message).isEqualTo("PW020: The sink catalogue named by -Apiiwarden.sinks cannot be used:"
        + " sinks.json has no \"sinks\" array. The format is"
        + " {\"sinks\":[{\"kind\":\"LOG\",\"type\":\"com.acme.AuditLog\",\"methods\":[\"record\"]}]}.");
  }

  @Test
  void aMisspeltFieldIsAnErrorNotLeftOut(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), "{\"sinks\":[{\"kind\":\"HTTP\","
        + "\"type\":\"com.acme.Crm.Client\",\"methods\":[\"upload\"],\"recevier\":[\"x\"]}]}");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).hadErrorCount(1);
    assertThat(compiled.compilation).hadErrorContaining("sinks.json, sinks[0]: unknown field \"recevier\";"
        + " did you mean \"receiver\"?");
  }

  @Test
  void aTruncatedFileIsNamedAsInvalidJsonWithoutTheParsersNoise(@TempDir Path dir) throws IOException {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), "{\"sinks\":[{\"kind\"");
    FlowCompilation compiled = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), CRM);
    assertThat(compiled.compilation).hadErrorCount(1);
    assertThat(compiled.compilation).hadErrorContaining("sinks.json is not valid JSON (");
    assertThat(compiled.compilation.errors().get(0).getMessage(null)).doesNotContain("StreamReadFeature");
  }
}

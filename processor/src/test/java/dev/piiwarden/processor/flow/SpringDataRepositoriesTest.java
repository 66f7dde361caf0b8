package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowFixtures.EMAIL;
import static dev.piiwarden.processor.flow.FlowFixtures.NAME;
import static dev.piiwarden.processor.flow.FlowFixtures.PHONE;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Spring Data repository that exposes only the methods it declares (it extends the marker
 * {@code Repository<T, ID>}, or carries {@code @RepositoryDefinition}) saves with its own {@code
 * save}: a DATABASE sink, as {@code CrudRepository#save} is. Its finders are no writes.
 */
class SpringDataRepositoriesTest {
  private static final String SIGNUP = """
      package com.acme;
      public class Signup {
        Accounts accounts;
        DefinedAccounts defined;
        org.springframework.data.repository.CrudRepository<User, Long> crud;
        void viaRepository(User u) { accounts.save(u); } // sink:repository
        void viaDefinition(User u) { defined.save(u); } // sink:definition
        void viaCrud(User u) { crud.save(u); } // sink:crud
        void lookup(User u) { accounts.findByEmail(u.getEmail()); defined.findByEmail(u.getEmail()); }
      }
      """;

  @Test
  void aRepositoryDeclaringItsOwnSaveIsADatabaseSink() {
    FlowCompilation compiled = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Accounts", """
            package com.acme;
            public interface Accounts extends org.springframework.data.repository.Repository<User, Long> {
              User save(User user);
              User findByEmail(String email);
            }
            """),
        FlowCompilation.source("com.acme.DefinedAccounts", """
            package com.acme;
            @org.springframework.data.repository.RepositoryDefinition(domainClass = User.class, idClass = Long.class)
            public interface DefinedAccounts {
              User save(User user);
              User findByEmail(String email);
            }
            """),
        FlowCompilation.source("com.acme.Signup", SIGNUP));

    assertThat(compiled.compilation).succeeded();
    String repository = "org.springframework.data.repository.Repository#save";
    String definition = "com.acme.DefinedAccounts#save";
    String crud = "org.springframework.data.repository.CrudRepository#save";
    assertThat(compiled.activity("com.acme.Signup", "com.acme.Signup#viaRepository(com.acme.User)").sinks())
        .containsExactly(FlowCompilation.sinkAt(SIGNUP, "sink:repository", SinkKind.DATABASE, repository,
            Confidence.DIRECT, EMAIL, NAME, PHONE));
    assertThat(compiled.activity("com.acme.Signup", "com.acme.Signup#viaDefinition(com.acme.User)").sinks())
        .containsExactly(FlowCompilation.sinkAt(SIGNUP, "sink:definition", SinkKind.DATABASE, definition,
            Confidence.DIRECT, EMAIL, NAME, PHONE));
    // the entry of the more specific interface still names the sink
    assertThat(compiled.activity("com.acme.Signup", "com.acme.Signup#viaCrud(com.acme.User)").sinks())
        .containsExactly(FlowCompilation.sinkAt(SIGNUP, "sink:crud", SinkKind.DATABASE, crud,
            Confidence.DIRECT, EMAIL, NAME, PHONE));
    assertThat(compiled.activity("com.acme.Signup", "com.acme.Signup#lookup(com.acme.User)").sinks()).isEmpty();
    assertThat(compiled.merged().flows()).contains(
        new Flow(EMAIL, SinkKind.DATABASE, repository, List.of("com.acme.Signup#viaRepository(com.acme.User)")));
    assertThat(compiled.merged().flows()).contains(
        new Flow(EMAIL, SinkKind.DATABASE, definition, List.of("com.acme.Signup#viaDefinition(com.acme.User)")));
  }
}

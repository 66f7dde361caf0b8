package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.SinkStubs.LOG;

import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collections held in fields, the way JPA entities hold their relations: a getter that creates
 * the empty collection on first use, and adding to the collection through its getter.
 */
class FieldCollectionsTest {
  private static final String SECRET = "com.acme.Credential#secret";

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(
        FlowCompilation.source("com.acme.Credential", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            public class Credential {
              @PersonalData(category = "user.authorization.credentials")
              String secret;
              public Credential(String secret) { this.secret = secret; }
            }
            """),
        FlowCompilation.source("com.acme.Account", """
            package com.acme;
            import java.util.*;
            /** Creates its credentials list on first use: an empty list holds nothing. */
            public class Account {
              Collection<Credential> credentials;
              public Collection<Credential> getCredentials() {
                if (credentials == null) {
                  credentials = new ArrayList<>();
                }
                return credentials;
              }
            }
            """),
        FlowCompilation.source("com.acme.Wallet", """
            package com.acme;
            import java.util.*;
            public class Wallet {
              final List<Credential> credentials = new ArrayList<>();
              public List<Credential> getCredentials() { return credentials; }
            }
            """),
        FlowCompilation.source("com.acme.Accounts", """
            package com.acme;
            public class Accounts {
              private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Accounts.class);
              public void create() {
                Account account = new Account();
                log.info("created {}", account.getCredentials().size());
                log.info("created {}", account);
              }
              public void addSecret(Wallet wallet, String secret) {
                wallet.getCredentials().add(new Credential(secret));
              }
              public void save(Wallet wallet) {
                log.info("saving {}", wallet);
              }
            }
            """));
  }

  @Test
  void anEmptyCollectionAGetterCreatesCarriesNothing() {
    assertThat(compiled.compilation).succeeded();
    assertThat(compiled.merged().flows().stream().filter(flow -> flow.path().contains("com.acme.Account#credentials"))
        .toList()).isEmpty();
  }

  /** {@code wallet.getCredentials().add(credential)}: the getter hands out its field, which holds the credential. */
  @Test
  void whatIsAddedThroughAGetterIsHeldByItsField() {
    assertThat(compiled.merged().flows()).contains(new Flow(SECRET, SinkKind.LOG, LOG,
        List.of("com.acme.Accounts#addSecret(com.acme.Wallet,java.lang.String)", "com.acme.Wallet#credentials",
            "com.acme.Accounts#save(com.acme.Wallet)")));
  }

  /** Storing an annotated object whole hands its data on, as a sink does: the storing method reads it, and is an activity. */
  @Test
  void storingAWholeObjectReadsItsElements() {
    assertThat(compiled.activity("com.acme.Accounts", "com.acme.Accounts#addSecret(com.acme.Wallet,java.lang.String)")
        .reads()).containsExactly(SECRET);
  }
}

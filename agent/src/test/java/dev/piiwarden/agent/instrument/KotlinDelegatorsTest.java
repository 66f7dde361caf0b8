package dev.piiwarden.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.annotations.ConsentRequired;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * Which methods of a class are left unchecked as Kotlin's hand-on methods: those of the Kotlin
 * fixture ({@code src/test/kotlin}, compiled by Kotlin), and none of classes whose shape is alike
 * but whose consent differs, or that are not Kotlin's.
 */
class KotlinDelegatorsTest {
  private static Set<String> delegators(String binaryName) throws IOException {
    try (InputStream in = KotlinDelegatorsTest.class.getClassLoader()
        .getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
      byte[] bytes = in.readAllBytes();
      return KotlinDelegators.of(bytes, new ClassReader(bytes));
    }
  }

  @Test
  void theOverloadsOfJvmOverloadsAndTheJvmStaticBridge() throws IOException {
    assertEquals(Set.of(
        "remind(Lcom/acme/kotlin/Customer;)Ljava/lang/String;",
        "remind(Lcom/acme/kotlin/Customer;Z)Ljava/lang/String;",
        "blast(Lcom/acme/kotlin/Customer;)Ljava/lang/String;"), delegators("com.acme.kotlin.Newsletter"));
    assertEquals(Set.of(), delegators("com.acme.kotlin.Newsletter$Companion"), "the companion's own function");
  }

  /** The shape of an overload, but it asks for another purpose than the method it reaches. */
  @kotlin.Metadata
  static class OtherConsent {
    @ConsentRequired("analytics.reporting")
    public String remind(String id) {
      return remind$default(this, id, false, 2, null);
    }

    @ConsentRequired("marketing")
    public String remind(String id, boolean urgent) {
      return id;
    }

    public static String remind$default(OtherConsent self, String id, boolean urgent, int mask, Object marker) {
      return self.remind(id, urgent);
    }
  }

  /** The same shape without {@code @kotlin.Metadata}. */
  static class NotKotlin {
    @ConsentRequired("marketing")
    public String remind(String id) {
      return remind$default(this, id, false, 2, null);
    }

    @ConsentRequired("marketing")
    public String remind(String id, boolean urgent) {
      return id;
    }

    public static String remind$default(NotKotlin self, String id, boolean urgent, int mask, Object marker) {
      return self.remind(id, urgent);
    }
  }

  /** The same consent, but the overload does more than hand the call on. */
  @kotlin.Metadata
  static class DoesMore {
    @ConsentRequired("marketing")
    public String remind(String id) {
      String result = remind$default(this, id, false, 2, null);
      return result + "!";
    }

    @ConsentRequired("marketing")
    public String remind(String id, boolean urgent) {
      return id;
    }

    public static String remind$default(DoesMore self, String id, boolean urgent, int mask, Object marker) {
      return self.remind(id, urgent);
    }
  }

  /** What it must be: an overload with the same consent that only hands the call on. */
  @kotlin.Metadata
  static class SameConsent {
    @ConsentRequired("marketing")
    public String remind(String id) {
      return remind$default(this, id, false, 2, null);
    }

    @ConsentRequired("marketing")
    public String remind(String id, boolean urgent) {
      return id;
    }

    public static String remind$default(SameConsent self, String id, boolean urgent, int mask, Object marker) {
      return self.remind(id, urgent);
    }
  }

  @Test
  void noneWhereTheConsentDiffersTheMethodDoesMoreOrTheClassIsNotKotlins() throws IOException {
    String prefix = KotlinDelegatorsTest.class.getName() + "$";
    assertEquals(Set.of("remind(Ljava/lang/String;)Ljava/lang/String;"), delegators(prefix + "SameConsent"));
    assertEquals(Set.of(), delegators(prefix + "OtherConsent"));
    assertEquals(Set.of(), delegators(prefix + "NotKotlin"));
    assertEquals(Set.of(), delegators(prefix + "DoesMore"));
  }
}

package dev.piiwarden.agent.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.piiwarden.annotations.DataSubject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectResolverTest {
  /** An entity whose subject is its id field. */
  static class Customer {
    @DataSubject private Long id;

    Customer() {}

    Customer(long id) {
      this.id = id;
    }

    public Long getId() {
      return id;
    }
  }

  /**
   * What a lazy proxy looks like (Hibernate's {@code getReferenceById}): a subclass whose own
   * copy of the fields stays empty and whose getters answer from elsewhere.
   */
  static final class LazyCustomer extends Customer {
    private final long target;

    LazyCustomer(long target) {
      this.target = target;
    }

    @Override
    public Long getId() {
      return target;
    }
  }

  /** An entity without a getter: the field itself is read. */
  static final class Visit {
    @DataSubject final String visitor;

    Visit(String visitor) {
      this.visitor = visitor;
    }
  }

  private static final ConsentRule RULE =
      new ConsentRule("com.acme.Mailing#send(java.lang.Object)", List.of("marketing"), false, -1, null);

  @Test
  void theSubjectOfALazyProxyIsReadThroughTheFieldsGetter() throws Throwable {
    SubjectResolver resolver = new SubjectResolver();

    assertEquals("42", resolver.resolve(RULE, SubjectResolverTest.class, new Object[] {new LazyCustomer(42)}));
    assertEquals("7", resolver.resolve(RULE, SubjectResolverTest.class, new Object[] {new Customer(7)}));
    assertEquals("u-1", resolver.resolve(RULE, SubjectResolverTest.class, new Object[] {new Visit("u-1")}));
  }
}

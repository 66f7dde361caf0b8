package dev.piiwarden.processor.flow;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.piiwarden.processor.flow.FlowCompilation.sinkAt;

import dev.piiwarden.core.inventory.Confidence;
import dev.piiwarden.core.inventory.Flow;
import dev.piiwarden.core.inventory.SinkKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPA provider writes the changed fields of a managed entity at flush, with no call to save it:
 * a value written into an entity's field (through a setter or directly) goes to the database,
 * unless the object was made in the same method (it reaches the database when it is saved).
 */
class ManagedEntitiesTest {
  private static final String EMAIL = FlowFixtures.EMAIL;

  static final String CUSTOMERS = """
      package com.acme;
      import dev.piiwarden.annotations.*;
      @ProcessingActivity(name = "Customers", purposes = Purpose.ESSENTIAL_SERVICE)
      public class Customers {
        jakarta.persistence.EntityManager em;
        public void changeEmail(Customer customer, User user) { customer.setEmail(user.getEmail()); }
        public void note(Customer customer, User user) { customer.setNote(user.getEmail()); }
        public void tag(Customer customer, User user) {
          customer.tag = user.getEmail(); // sink:tag
        }
        public void audit(Customer customer, User user) { customer.setCreatedBy(user.getEmail()); }
        public void move(Customer customer, Address address) { customer.setAddress(address); }
        public void refer(Customer customer, Customer other) {
          customer.setReferrer(other);
          customer.setFriends(java.util.List.of(other));
        }
        public void notStored(Customer customer, User user) {
          customer.setShown(user.getEmail());
          customer.setCached(user.getEmail());
          Customer.lastTag = user.getEmail();
          customer.erase();
        }
        public void created(User user) {
          Customer customer = new Customer(user.getEmail());
          em.persist(customer);
        }
        public void addPhone(Customer customer, User user) {
          customer.getPhones().add(user.getPhone()); // sink:phones
        }
        public void befriend(Customer customer, Customer other) { customer.getFriends().add(other); }
        public void newWithPhone(User user) {
          Customer customer = new Customer();
          customer.getPhones().add(user.getPhone());
          em.persist(customer);
        }
        public void madeHere(User user) {
          Customer customer = new Customer();
          customer.tag = user.getEmail();
          em.persist(customer);
        }
      }
      """;

  private static FlowCompilation compiled;

  @BeforeAll
  static void compile() {
    compiled = FlowCompilation.compile(
        FlowCompilation.source("com.acme.Audited", """
            package com.acme;
            @jakarta.persistence.MappedSuperclass
            public abstract class Audited {
              protected String createdBy;
              public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
            }
            """),
        FlowCompilation.source("com.acme.Address", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            @jakarta.persistence.Embeddable
            public class Address {
              @PersonalData(category = Category.USER_CONTACT_ADDRESS_STREET, purposes = Purpose.ESSENTIAL_SERVICE)
              String street;
            }
            """),
        FlowCompilation.source("com.acme.Customer", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            @jakarta.persistence.Entity
            public class Customer extends Audited {
              @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
              private String email;
              private String note;
              public String tag;
              static String lastTag;
              @jakarta.persistence.Transient private String shown;
              private transient String cached;
              private Customer referrer;
              private java.util.List<Customer> friends;
              private java.util.List<String> phones = new java.util.ArrayList<>();
              private Address address;
              public Customer() {}
              public Customer(String email) { this.email = email; }
              public void setEmail(String email) { this.email = email; }
              public void setNote(String note) { this.note = note; }
              public void setShown(String shown) { this.shown = shown; }
              public void setCached(String cached) { this.cached = cached; }
              public void setReferrer(Customer referrer) { this.referrer = referrer; }
              public void setFriends(java.util.List<Customer> friends) { this.friends = friends; }
              public void setAddress(Address address) { this.address = address; }
              public void erase() { email = null; }
              public java.util.List<String> getPhones() { return phones; }
              public java.util.List<Customer> getFriends() { return friends; }
            }
            """),
        FlowFixtures.person(), FlowFixtures.user(), FlowCompilation.source("com.acme.Customers", CUSTOMERS));
  }

  private static final String PERSIST = "jakarta.persistence.EntityManager#persist";

  /**
   * "element target" of each DATABASE flow whose path starts at {@code method} of Customers, but
   * for those to a persist: a customer persisted whole carries what any method wrote into its
   * fields that hold values.
   */
  private static List<String> flowsFrom(String method) {
    return compiled.merged().flows().stream()
        .filter(flow -> flow.sink() == SinkKind.DATABASE && !flow.target().equals(PERSIST)
            && flow.path().get(0).equals("com.acme.Customers#" + method))
        .map(flow -> flow.element() + " " + flow.target()).toList();
  }

  @Test
  void aValueSetOnAnEntityGoesToTheDatabase() {
    assertThat(compiled.compilation).succeeded();
    assertThat(flowsFrom("changeEmail(com.acme.Customer,com.acme.User)"))
        .containsExactly(EMAIL + " com.acme.Customer#email");
    // a column that is no personal data by its declaration still stores the address written into it
    assertThat(flowsFrom("note(com.acme.Customer,com.acme.User)")).containsExactly(EMAIL + " com.acme.Customer#note");
    // a field of a mapped superclass, named by the class that declares it
    assertThat(flowsFrom("audit(com.acme.Customer,com.acme.User)"))
        .containsExactly(EMAIL + " com.acme.Audited#createdBy");
  }

  @Test
  void aFieldWrittenDirectlyIsASinkOnItsLine() {
    assertThat(compiled.activity("com.acme.Customers", "com.acme.Customers#tag(com.acme.Customer,com.acme.User)")
        .sinks()).containsExactly(
            sinkAt(CUSTOMERS, "sink:tag", SinkKind.DATABASE, "com.acme.Customer#tag", Confidence.DIRECT, EMAIL));
  }

  @Test
  void anEmbeddedObjectIsStoredWholeARelatedEntityByItsId() {
    assertThat(flowsFrom("move(com.acme.Customer,com.acme.Address)"))
        .containsExactly("com.acme.Address#street com.acme.Customer#address");
    assertThat(flowsFrom("refer(com.acme.Customer,com.acme.Customer)")).isEmpty();
  }

  @Test
  void staticTransientAndErasedFieldsAndConstructorsAreNoWrites() {
    assertThat(flowsFrom("notStored(com.acme.Customer,com.acme.User)")).isEmpty();
    // the constructor's write is no sink: the new customer reaches the database where it is persisted
    assertThat(compiled.merged().flows().stream()
        .filter(flow -> flow.path().get(0).equals("com.acme.Customers#created(com.acme.User)"))
        .map(Flow::target).distinct().toList()).containsExactly(PERSIST);
  }

  /**
   * A customer persisted whole carries what methods stored in the fields its provider writes, not
   * in its transient fields, and of the customers it refers to only their ids.
   */
  @Test
  void anEntitySavedWholeCarriesOnlyTheFieldsItsProviderWrites() {
    List<String> through = compiled.merged().flows().stream()
        .filter(flow -> flow.target().equals(PERSIST)
            && flow.path().get(flow.path().size() - 1).equals("com.acme.Customers#created(com.acme.User)"))
        .flatMap(flow -> flow.path().stream()).filter(step -> step.startsWith("com.acme.Customer#")).distinct()
        .toList();
    assertThat(through).containsAtLeast("com.acme.Customer#note", "com.acme.Customer#tag");
    assertThat(through).containsNoneOf("com.acme.Customer#shown", "com.acme.Customer#cached",
        "com.acme.Customer#friends");
  }

  /**
   * A value added to a collection an entity holds (an element collection) is written with it; a
   * related entity added stands for its id; on a new entity it reaches the database where that is
   * persisted.
   */
  @Test
  void aValueAddedToAnEntitysCollectionGoesToTheDatabase() {
    assertThat(compiled.activity("com.acme.Customers", "com.acme.Customers#addPhone(com.acme.Customer,com.acme.User)")
        .sinks()).containsExactly(sinkAt(CUSTOMERS, "sink:phones", SinkKind.DATABASE, "com.acme.Customer#phones",
            Confidence.DIRECT, FlowFixtures.PHONE));
    assertThat(flowsFrom("befriend(com.acme.Customer,com.acme.Customer)")).isEmpty();
    assertThat(flowsFrom("newWithPhone(com.acme.User)")).isEmpty();
  }

  @Test
  void anEntityMadeInTheMethodIsWrittenWhereItIsSaved() {
    String madeHere = "com.acme.Customers#madeHere(com.acme.User)";
    assertThat(flowsFrom("madeHere(com.acme.User)")).isEmpty();
    // the address goes into the new customer's tag field, and with the customer into the database
    assertThat(compiled.merged().flows())
        .contains(new Flow(EMAIL, SinkKind.DATABASE, PERSIST, List.of(madeHere, "com.acme.Customer#tag", madeHere)));
  }

  /**
   * A data-access framework implements an annotated method and binds its arguments: a Spring Data
   * {@code @Modifying} query (an entity parameter bound by its id), a MyBatis {@code @Insert}
   * mapper (an object's properties read into the statement).
   */
  @Test
  void theArgumentsOfModifyingQueriesAndMapperInsertsGoToTheDatabase() {
    String source = """
        package com.acme;
        public class Accounts {
          public interface CustomerRepository {
            @org.springframework.data.jpa.repository.Modifying
            int updateEmail(String email, Customer customer);
            Customer findByTag(String tag);
          }
          public interface UserMapper {
            @org.apache.ibatis.annotations.Insert
            void insert(User user);
          }
          CustomerRepository customers;
          UserMapper users;
          void change(Customer customer, User user) {
            customers.updateEmail(user.getEmail(), customer); // sink:update
            customers.findByTag("t");
          }
          void add(User user) {
            users.insert(user); // sink:insert
          }
        }
        """;
    FlowCompilation repositories = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.Customer", """
            package com.acme;
            import dev.piiwarden.annotations.*;
            @jakarta.persistence.Entity
            public class Customer {
              @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
              String email;
            }
            """), FlowCompilation.source("com.acme.Accounts", source));
    assertThat(repositories.compilation).succeeded();
    assertThat(repositories.activity("com.acme.Accounts", "com.acme.Accounts#change(com.acme.Customer,com.acme.User)")
        .sinks()).containsExactly(sinkAt(source, "sink:update", SinkKind.DATABASE,
            "com.acme.Accounts$CustomerRepository#updateEmail", Confidence.DIRECT, EMAIL));
    assertThat(repositories.activity("com.acme.Accounts", "com.acme.Accounts#add(com.acme.User)").sinks())
        .containsExactly(sinkAt(source, "sink:insert", SinkKind.DATABASE, "com.acme.Accounts$UserMapper#insert",
            Confidence.DIRECT, "com.acme.Person#name", EMAIL, FlowFixtures.PHONE));
  }

  /**
   * A MyBatis {@code @Mapper} whose statements are written in XML: its {@code insert…} and {@code
   * update…} methods write their arguments to the database; its queries do not.
   */
  @Test
  void theWritesOfAMapperWrittenInXmlGoToTheDatabase() {
    String source = """
        package com.acme;
        @org.apache.ibatis.annotations.Mapper
        public interface UserMapper {
          void insertUser(User user);
          int updateEmail(long id, String email);
          User selectByEmail(String email);
          default void register(User user) { insertUser(user); } // sink:default
        }
        """;
    String caller = """
        package com.acme;
        public class Accounts {
          UserMapper users;
          void add(User user) {
            users.insertUser(user); // sink:insert
          }
          void change(long id, User user) {
            users.updateEmail(id, user.getEmail()); // sink:update
          }
          User find(User user) {
            return users.selectByEmail(user.getEmail());
          }
        }
        """;
    FlowCompilation mappers = FlowCompilation.compile(FlowFixtures.person(), FlowFixtures.user(),
        FlowCompilation.source("com.acme.UserMapper", source), FlowCompilation.source("com.acme.Accounts", caller));
    assertThat(mappers.compilation).succeeded();
    assertThat(mappers.activity("com.acme.Accounts", "com.acme.Accounts#add(com.acme.User)").sinks())
        .containsExactly(sinkAt(caller, "sink:insert", SinkKind.DATABASE, "com.acme.UserMapper#insertUser",
            Confidence.DIRECT, "com.acme.Person#name", EMAIL, FlowFixtures.PHONE));
    assertThat(mappers.activity("com.acme.Accounts", "com.acme.Accounts#change(long,com.acme.User)").sinks())
        .containsExactly(sinkAt(caller, "sink:update", SinkKind.DATABASE, "com.acme.UserMapper#updateEmail",
            Confidence.DIRECT, EMAIL));
    assertThat(mappers.activity("com.acme.Accounts", "com.acme.Accounts#find(com.acme.User)").sinks()).isEmpty();
    assertThat(mappers.activity("com.acme.UserMapper", "com.acme.UserMapper#register(com.acme.User)").sinks())
        .containsExactly(sinkAt(source, "sink:default", SinkKind.DATABASE, "com.acme.UserMapper#insertUser",
            Confidence.DIRECT, "com.acme.Person#name", EMAIL, FlowFixtures.PHONE));
  }

  @Test
  void aTeamsOwnAnnotationCanMarkStoredClasses(@TempDir Path dir) throws Exception {
    Path sinks = Files.writeString(dir.resolve("sinks.json"), """
        {"sinks": [{"kind": "DATABASE", "fieldsOf": "com.acme.Stored"}]}
        """);
    JavaFileObject stored = FlowCompilation.source("com.acme.Stored", """
        package com.acme;
        public @interface Stored {}
        """);
    JavaFileObject record = FlowCompilation.source("com.acme.Ledger", """
        package com.acme;
        @Stored
        public class Ledger {
          String owner;
          void owner(User user) { owner = user.getEmail(); }
        }
        """);
    FlowCompilation own = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), stored, record);
    assertThat(own.compilation).succeeded();
    assertThat(own.activity("com.acme.Ledger", "com.acme.Ledger#owner(com.acme.User)").sinks())
        .containsExactly(new dev.piiwarden.core.inventory.SinkRecord(SinkKind.DATABASE, "com.acme.Ledger#owner", 5,
            List.of(EMAIL), Confidence.DIRECT));

    Files.writeString(sinks, """
        {"sinks": [{"kind": "DATABASE", "fieldsOf": "com.acme.Stored", "methods": ["save"]}]}
        """);
    FlowCompilation failed = FlowCompilation.compile(List.of("-Apiiwarden.sinks=" + sinks),
        FlowFixtures.person(), FlowFixtures.user(), stored);
    assertThat(failed.compilation).hadErrorContaining("sinks[0]: \"methods\" does not go with \"fieldsOf\"");
  }
}

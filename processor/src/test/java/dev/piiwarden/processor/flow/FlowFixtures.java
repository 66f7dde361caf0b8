package dev.piiwarden.processor.flow;

import javax.tools.JavaFileObject;

/** Annotated data classes the flow tests read. */
final class FlowFixtures {
  /** The ids of the data elements the fixtures declare. */
  static final String EMAIL = "com.acme.User#email";
  static final String PHONE = "com.acme.User#phone";
  static final String NAME = "com.acme.Person#name";
  static final String DIAGNOSIS = "com.acme.Patient#diagnosis";

  private FlowFixtures() {}

  static JavaFileObject person() {
    return FlowCompilation.source("com.acme.Person", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class Person {
          @PersonalData(category = Category.USER_NAME, purposes = Purpose.ESSENTIAL_SERVICE)
          public String name;
        }
        """);
  }

  static JavaFileObject user() {
    return FlowCompilation.source("com.acme.User", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public class User extends Person {
          @PersonalData(category = Category.USER_CONTACT_EMAIL, purposes = Purpose.ESSENTIAL_SERVICE)
          private String email;
          @PersonalData(category = Category.USER_CONTACT_PHONE_NUMBER, purposes = Purpose.MARKETING,
              basis = LawfulBasis.CONSENT)
          String phone;
          public String getEmail() { return email; }
          public String getPhone() { return phone; }
          public String nickname() { return "n"; }
        }
        """);
  }

  static JavaFileObject patient() {
    return FlowCompilation.source("com.acme.Patient", """
        package com.acme;
        import dev.piiwarden.annotations.*;
        public record Patient(
            @PersonalData(category = Category.USER_HEALTH_AND_MEDICAL, basis = LawfulBasis.VITAL_INTERESTS,
                purposes = Purpose.ESSENTIAL_SERVICE) String diagnosis,
            String ward) {}
        """);
  }
}

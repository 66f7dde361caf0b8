package dev.piiwarden.samples.accounts.service;

import dev.piiwarden.annotations.DataSubject;
import dev.piiwarden.annotations.ProcessingActivity;
import dev.piiwarden.annotations.Purpose;
import dev.piiwarden.api.ConsentRecord;
import dev.piiwarden.api.PersonalDataExport;
import dev.piiwarden.samples.accounts.auth.PasswordHasher;
import dev.piiwarden.samples.accounts.model.LoginAttempt;
import dev.piiwarden.samples.accounts.model.LoginEvent;
import dev.piiwarden.samples.accounts.model.NewsletterDelivery;
import dev.piiwarden.samples.accounts.model.Rectification;
import dev.piiwarden.samples.accounts.model.Registration;
import dev.piiwarden.samples.accounts.model.User;
import dev.piiwarden.samples.accounts.store.AccountStore;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registration, rectification, erasure, authentication and export of user accounts. */
public final class AccountService {
  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final ConsentService consents;
  private final Clock clock;

  public AccountService(AccountStore store, PasswordHasher hasher, ConsentService consents, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.consents = consents;
    this.clock = clock;
  }

  @ProcessingActivity(name = "Account registration", purposes = Purpose.ESSENTIAL_SERVICE)
  public User register(Registration registration, String clientIp) throws SQLException {
    require(registration.email(), "email");
    require(registration.name(), "name");
    require(registration.password(), "password");
    if (!registration.email().contains("@")) {
      throw AccountException.withValue(AccountException.Kind.INVALID, "not an email address", registration.email());
    }
    log.info("registration from {}: email={}, phone={}", clientIp, registration.email(), registration.phone());
    Instant now = clock.instant();
    User user =
        new User(UUID.randomUUID().toString(), registration.email(), registration.name(), registration.phone(), now, now);
    String hash = hasher.hash(registration.password().toCharArray());
    if (!store.insert(user, hash)) {
      throw AccountException.withValue(
          AccountException.Kind.CONFLICT, "email already registered", registration.email());
    }
    log.info("registered {}", user);
    return user;
  }

  @ProcessingActivity(name = "Account lookup", purposes = Purpose.ESSENTIAL_SERVICE)
  public User find(@DataSubject String id) throws SQLException {
    return store.findById(id).orElseThrow(() -> notFound(id));
  }

  /** Rectification (GDPR Art. 16): {@code replace} for PUT (all members given), else a PATCH. */
  @ProcessingActivity(name = "Account rectification", purposes = Purpose.ESSENTIAL_SERVICE)
  public User rectify(@DataSubject String id, Rectification change, boolean replace) throws SQLException {
    User current = find(id);
    if (replace) {
      require(change.email(), "email");
      require(change.name(), "name");
    }
    User updated =
        current.withDetails(
            change.email() != null ? change.email() : current.email(),
            change.name() != null ? change.name() : current.name(),
            replace || change.phone() != null ? change.phone() : current.phone());
    if (!store.update(updated)) {
      throw AccountException.withValue(AccountException.Kind.CONFLICT, "email already registered", updated.email());
    }
    log.info("rectified {} -> {}", current, updated);
    return updated;
  }

  /**
   * Erasure (GDPR Art. 17): every row about the user, in every table. The consent ledger keeps its
   * records, keyed by the random user id that nothing links to the person any more.
   */
  @ProcessingActivity(name = "Account erasure", purposes = Purpose.ESSENTIAL_LEGAL_OBLIGATION)
  public void erase(@DataSubject String id) throws SQLException {
    User user = find(id);
    int rows = store.erase(id);
    log.info("erased {} ({} rows)", user, rows);
  }

  @ProcessingActivity(name = "Login", purposes = Purpose.ESSENTIAL_SERVICE_AUTHENTICATION)
  public User login(LoginAttempt attempt, String clientIp) throws SQLException {
    require(attempt.email(), "email");
    require(attempt.password(), "password");
    Optional<User> user = store.findByEmail(attempt.email());
    String hash = user.isPresent() ? store.passwordHash(user.get().id()).orElse(null) : null;
    boolean ok = hasher.matches(attempt.password().toCharArray(), hash);
    if (user.isPresent()) {
      store.recordLogin(new LoginEvent(user.get().id(), clientIp, clock.instant(), ok));
    }
    if (!ok) {
      log.warn("login failed for {} from {}", attempt.email(), clientIp);
      throw new AccountException(AccountException.Kind.UNAUTHORIZED, "wrong email or password");
    }
    log.info("login of {} from {}", attempt.email(), clientIp);
    return user.get();
  }

  /**
   * Access and portability (GDPR Art. 15 and 20): every personal data value held about the user
   * (the account, its logins, its newsletter deliveries) with its category, purposes and the path of
   * the record it belongs to, and the consent history.
   */
  @ProcessingActivity(name = "Personal data export", purposes = Purpose.ESSENTIAL_LEGAL_OBLIGATION)
  public Map<String, Object> export(@DataSubject String id) throws SQLException {
    User user = find(id);
    List<LoginEvent> logins = store.logins(id);
    List<NewsletterDelivery> deliveries = store.deliveries(id);
    List<ConsentRecord> history = consents.history(id);
    Map<String, Object> export = new LinkedHashMap<>();
    export.put("subject", id);
    export.put("exportedAt", clock.instant());
    export.put("personalData", PersonalDataExport.export(user, logins, deliveries));
    export.put("consents", history);
    log.info("exported the data of {}", user);
    return export;
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new AccountException(AccountException.Kind.INVALID, name + " is required");
    }
  }

  private static AccountException notFound(String id) {
    return new AccountException(AccountException.Kind.NOT_FOUND, "no user " + id);
  }
}

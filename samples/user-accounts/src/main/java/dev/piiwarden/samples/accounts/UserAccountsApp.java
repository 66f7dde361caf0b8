package dev.piiwarden.samples.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.piiwarden.samples.accounts.auth.PasswordHasher;
import dev.piiwarden.samples.accounts.http.AccountRoutes;
import dev.piiwarden.samples.accounts.http.ApiServer;
import dev.piiwarden.samples.accounts.service.AccountService;
import dev.piiwarden.samples.accounts.service.ConsentService;
import dev.piiwarden.samples.accounts.service.Newsletter;
import dev.piiwarden.samples.accounts.service.NewsletterCampaign;
import dev.piiwarden.samples.accounts.service.RetentionJob;
import dev.piiwarden.samples.accounts.store.AccountStore;
import dev.piiwarden.samples.accounts.store.Database;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the user-account service: {@code java [-javaagent:piiwarden-agent.jar] -jar user-accounts.jar}. */
public final class UserAccountsApp {
  private static final Logger log = LoggerFactory.getLogger(UserAccountsApp.class);

  private UserAccountsApp() {}

  public static void main(String[] args) throws Exception {
    ServiceOptions options;
    try {
      options = ServiceOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("user-accounts: " + e.getMessage());
      System.err.println(ServiceOptions.USAGE);
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    Database database = new Database(options.dbUrl(), options.dbUser(), options.dbPassword());
    database.migrate();
    AccountStore store = new AccountStore(database);
    ConsentService consents = new ConsentService();
    AccountService accounts = new AccountService(store, new PasswordHasher(options.pbkdf2Iterations()), consents, clock);
    Newsletter newsletter = new Newsletter(store, clock);
    boolean agent = ConsentService.agentAttached();
    NewsletterCampaign campaign = new NewsletterCampaign(store, newsletter, consents, agent);
    RetentionJob retention = new RetentionJob(store, accounts, options.retention());

    ObjectMapper json =
        new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    ApiServer server =
        new ApiServer(options.port(), AccountRoutes.of(accounts, consents, campaign, retention, clock), json);

    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "retention");
      thread.setDaemon(true);
      return thread;
    });
    long every = options.retentionInterval().toMillis();
    scheduler.scheduleAtFixedRate(() -> {
      try {
        retention.run(clock.instant());
      } catch (Exception e) {
        log.error("retention run failed", e);
      }
    }, every, every, TimeUnit.MILLISECONDS);

    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("stopping");
      scheduler.shutdownNow();
      server.stop();
    }, "shutdown"));
    log.info(
        "user-accounts listening on 127.0.0.1:{}, database {}, consent enforced by {}",
        server.port(),
        database.describe(),
        agent ? "the PII Warden agent" : "the application (no agent attached)");
    if (options.portFile() != null) {
      Files.writeString(options.portFile(), Integer.toString(server.port()));
    }
  }
}

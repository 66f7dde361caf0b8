package dev.piiwarden.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.Newsletter;
import com.acme.fixture.inherited.CampaignService;
import com.acme.fixture.inherited.CountingMailingService;
import com.acme.fixture.inherited.LoyaltyScoring;
import com.acme.fixture.inherited.Mailing;
import com.acme.fixture.inherited.MailingService;
import com.acme.fixture.inherited.NoteStore;
import com.acme.fixture.inherited.ProfilerService;
import com.acme.fixture.inherited.RedeclaringMailingService;
import dev.piiwarden.agent.instrument.InheritedConsent.Requirement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/**
 * What a class inherits of its supertypes' abstract {@code @ConsentRequired} methods. The fixture
 * classes are loaded already, as on an attach: most cases read the supertypes' class files.
 */
class InheritedConsentTest {
  private static final byte[] DESCRIPTOR =
      "Ldev/piiwarden/annotations/ConsentRequired;".getBytes(StandardCharsets.US_ASCII);
  private static final String EMAIL = "marketing.communications.email";
  private final InheritedConsent inheritance = new InheritedConsent(DESCRIPTOR);
  private final ClassLoader loader = getClass().getClassLoader();
  private final List<String> reads = new java.util.ArrayList<>();

  @Test
  void anInterfacesAbstractMethodIsRequiredOfItsImplementation() throws IOException {
    assertEquals(
        Map.of("send(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            new Requirement(List.of(EMAIL), false, 0, "com.acme.fixture.inherited.Mailing")),
        enforcedIn(MailingService.class));
    assertEquals(Map.of("send(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            new Requirement(List.of(EMAIL), false, 0, "com.acme.fixture.inherited.Mailing")),
        enforcedIn(CampaignService.class), "through a super-interface");
  }

  @Test
  void abstractClassesAnnotatedInterfacesAndGenericBridges() throws IOException {
    assertEquals(Map.of("score(Ljava/lang/String;)I",
            new Requirement(List.of("analytics.reporting"), true, 0, "com.acme.fixture.inherited.Scoring")),
        enforcedIn(LoyaltyScoring.class));
    assertEquals(Map.of("profile(Ljava/lang/String;)Ljava/lang/String;",
            new Requirement(List.of("analytics.reporting"), false, 0, "com.acme.fixture.inherited.Profiler")),
        enforcedIn(ProfilerService.class), "the interface's own annotation covers its methods");
    assertEquals(Map.of("save(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;",
            new Requirement(List.of(EMAIL), false, 0, "com.acme.fixture.inherited.Store")),
        enforcedIn(NoteStore.class), "the bridge save(String, Object) hands its check to the method it calls");
  }

  @Test
  void anOverrideOfACheckedImplementationAndAClassWithoutSupertypesGetNothing() throws IOException {
    assertEquals(Map.of(), enforcedIn(CountingMailingService.class));
    assertEquals(Map.of(), enforcedIn(RedeclaringMailingService.class), "naming the interface again");
    assertEquals(Map.of(), enforcedIn(Newsletter.class));
    assertEquals(Map.of(), enforcedIn(String.class));
  }

  /** A supertype whose class file its loader cannot give asks nothing, and nothing fails. */
  @Test
  void aSupertypeThatCannotBeReadAsksNothing() throws IOException {
    ClassLoader blind = new ClassLoader(null) {
      @Override
      public URL getResource(String name) {
        return null;
      }
    };
    byte[] classFile = classFile(MailingService.class);
    assertEquals(Map.of(), inheritance.enforcedIn(blind, "com/acme/fixture/inherited/MailingService",
        ClassHeader.read(classFile, DESCRIPTOR), classFile));
  }

  /**
   * What a supertype passes on is recorded when its own class file is given to the pre-filter (a
   * supertype loaded before its subclass), and read from its class file otherwise; a library's
   * types are not read.
   */
  @Test
  void aSupertypeSeenFirstIsNotReadAgainAndLibrariesAreNotRead() throws IOException {
    ClassLoader counting = new ClassLoader(loader) {
      @Override
      public InputStream getResourceAsStream(String name) {
        reads.add(name);
        return super.getResourceAsStream(name);
      }
    };
    for (Class<?> type : List.of(Mailing.class, MailingService.class)) {
      byte[] classFile = classFile(type);
      Map<String, Requirement> enforced = inheritance.enforcedIn(counting,
          type.getName().replace('.', '/'), ClassHeader.read(classFile, DESCRIPTOR), classFile);
      assertEquals(type == Mailing.class ? Set.of() : Set.of("send(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;"),
          enforced.keySet(), type.getName());
    }
    assertEquals(List.of(), reads, "Mailing was recorded when it was given first");

    byte[] jacksonSubclass = classFile(com.fasterxml.jackson.databind.ObjectMapper.class);
    inheritance.enforcedIn(counting, "com/fasterxml/jackson/databind/ObjectMapper",
        ClassHeader.read(jacksonSubclass, DESCRIPTOR), jacksonSubclass);
    assertEquals(List.of(), reads, "a library's supertypes are not read");

    byte[] implementation = classFile(CampaignService.class);
    new InheritedConsent(DESCRIPTOR).enforcedIn(counting, "com/acme/fixture/inherited/CampaignService",
        ClassHeader.read(implementation, DESCRIPTOR), implementation);
    assertEquals(List.of("com/acme/fixture/inherited/Campaigns.class", "com/acme/fixture/inherited/Mailing.class"),
        reads, "supertypes not seen before are read, once each");
  }

  @Test
  void librariesAreToldByTheirFirstNameSegments() {
    assertTrue(InheritedConsent.isLibrary("reactor/core/publisher/Mono"));
    assertTrue(InheritedConsent.isLibrary("org/springframework/aop/SpringProxy"));
    assertTrue(InheritedConsent.isLibrary("ch/qos/logback/classic/Logger"));
    assertTrue(InheritedConsent.isLibrary("com/github/benmanes/caffeine/cache/Cache"));
    assertFalse(InheritedConsent.isLibrary("ch/qos/other/Thing"));
    assertFalse(InheritedConsent.isLibrary("com/acme/fixture/inherited/Mailing"));
    assertFalse(InheritedConsent.isLibrary("org/springframework"));
    assertFalse(InheritedConsent.isLibrary("Mailing"));
    for (String prefix : InheritedConsent.LIBRARIES) {
      assertTrue(InheritedConsent.isLibrary(prefix + "Any"), prefix);
    }
  }

  /** The header's names are those ASM reads, over every class file of the tests and a few of the JDK. */
  @Test
  void theHeaderNamesTheSupertypesAsAsmDoes() throws Exception {
    Path testClasses = Path.of(Newsletter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    int read = 0;
    try (Stream<Path> walk = Files.walk(testClasses)) {
      for (Path file : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".class"))::iterator) {
        assertSameNames(Files.readAllBytes(file), file.toString());
        read++;
      }
    }
    for (Class<?> type : List.of(java.util.HashMap.class, java.util.concurrent.ConcurrentHashMap.class,
        Object.class, Double.class)) {
      assertSameNames(classFile(type), type.getName());
    }
    assertTrue(read > 100, "class files read: " + read);
  }

  private static void assertSameNames(byte[] classFile, String what) {
    ClassReader reader = new ClassReader(classFile);
    ClassHeader header = ClassHeader.read(classFile, DESCRIPTOR);
    assertEquals(reader.getSuperName(), header.superName(), what);
    assertArrayEquals(reader.getInterfaces(), header.interfaces(), what);
    assertEquals(reader.getAccess(), header.access(), what);
  }

  private Map<String, Requirement> enforcedIn(Class<?> type) throws IOException {
    byte[] classFile = classFile(type);
    return new InheritedConsent(DESCRIPTOR).enforcedIn(loader, type.getName().replace('.', '/'),
        ClassHeader.read(classFile, DESCRIPTOR), classFile);
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    String name = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}

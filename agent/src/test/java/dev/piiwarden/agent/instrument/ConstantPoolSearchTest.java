package dev.piiwarden.agent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.fixture.Newsletter;
import com.acme.fixture.Profiling;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The pre-filter finds {@code @ConsentRequired} by walking the constant pool. */
class ConstantPoolSearchTest {
  private static final byte[] DESCRIPTOR =
      "Ldev/piiwarden/annotations/ConsentRequired;".getBytes(StandardCharsets.US_ASCII);

  @Test
  void annotatedClassesAreFound() throws IOException {
    assertTrue(ConsentCandidateTransformer.namesType(classFile(Newsletter.class), DESCRIPTOR));
    assertTrue(ConsentCandidateTransformer.namesType(classFile(Profiling.class), DESCRIPTOR));
    assertFalse(ConsentCandidateTransformer.namesType(classFile(String.class), DESCRIPTOR));
    assertFalse(ConsentCandidateTransformer.namesType(classFile(java.util.ArrayList.class), DESCRIPTOR));
  }

  /**
   * Over every class file of the tests and of the JDK's {@code java.util}: the walk answers as a
   * byte search for the descriptor standing as a whole constant (its length before it) does.
   */
  @Test
  void sameAnswerAsASearchOfTheBytesOnManyClassFiles() throws Exception {
    List<byte[]> files = new java.util.ArrayList<>();
    Path testClasses = Path.of(Newsletter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> walk = Files.walk(testClasses)) {
      for (Path file : (Iterable<Path>) walk.filter(f -> f.toString().endsWith(".class"))::iterator) {
        files.add(Files.readAllBytes(file));
      }
    }
    for (Class<?> type : new Class<?>[] {java.util.HashMap.class, java.util.concurrent.ConcurrentHashMap.class,
        java.util.stream.Collectors.class, java.lang.invoke.MethodHandles.class, Double.class, Long.class}) {
      files.add(classFile(type));
    }
    byte[] standing = new byte[DESCRIPTOR.length + 3];
    standing[0] = 1;
    standing[2] = (byte) DESCRIPTOR.length;
    System.arraycopy(DESCRIPTOR, 0, standing, 3, DESCRIPTOR.length);
    int found = 0;
    for (byte[] file : files) {
      boolean expected = ConsentCandidateTransformer.contains(file, standing);
      assertEquals(expected, ConsentCandidateTransformer.namesType(file, DESCRIPTOR));
      found += expected ? 1 : 0;
    }
    assertTrue(found >= 3, "annotated fixtures among " + files.size() + " class files: " + found);
  }

  @Test
  void aTruncatedOrForeignFileIsSearchedByteByByte() throws IOException {
    byte[] annotated = classFile(Newsletter.class);
    for (int cut = 0; cut < annotated.length; cut += 97) {
      byte[] part = Arrays.copyOf(annotated, cut);
      assertEquals(ConsentCandidateTransformer.contains(part, DESCRIPTOR),
          ConsentCandidateTransformer.namesType(part, DESCRIPTOR), "cut at " + cut);
    }
    byte[] foreign = ("not a class file L" + new String(DESCRIPTOR, StandardCharsets.US_ASCII))
        .getBytes(StandardCharsets.US_ASCII);
    assertTrue(ConsentCandidateTransformer.namesType(foreign, DESCRIPTOR));
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    String name = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }
}

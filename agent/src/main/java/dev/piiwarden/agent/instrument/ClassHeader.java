package dev.piiwarden.agent.instrument;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the pre-filter reads of a class file: whether its constant pool holds a descriptor as a
 * string of its own (as it does for a class annotated with that type), and the names of the class,
 * its superclass and its interfaces. One walk over the pool, entry by entry, comparing only the
 * strings of the descriptor's length; nothing else of the file is parsed.
 */
final class ClassHeader {
  private static final String[] NONE = {};

  private final boolean namesDescriptor;
  private final int access;
  private final String superName;
  private final String[] interfaces;

  private ClassHeader(boolean namesDescriptor, int access, String superName, String[] interfaces) {
    this.namesDescriptor = namesDescriptor;
    this.access = access;
    this.superName = superName;
    this.interfaces = interfaces;
  }

  /**
   * Reads {@code classFile}. A file whose pool cannot be walked (not a class file, an unknown
   * entry, truncated) gives a header whose {@link #namesDescriptor} is a byte search for the
   * descriptor and which names no supertypes.
   */
  static ClassHeader read(byte[] classFile, byte[] descriptor) {
    try {
      if (classFile.length < 10 || (classFile[0] & 0xff) != 0xCA || (classFile[1] & 0xff) != 0xFE
          || (classFile[2] & 0xff) != 0xBA || (classFile[3] & 0xff) != 0xBE) {
        return unreadable(classFile, descriptor);
      }
      int count = u2(classFile, 8);
      int[] offsets = new int[count];
      boolean found = false;
      int at = 10;
      for (int index = 1; index < count; index++) {
        offsets[index] = at;
        int tag = classFile[at];
        switch (tag) {
          case 1: // Utf8
            int length = u2(classFile, at + 1);
            if (!found && length == descriptor.length
                && Arrays.equals(classFile, at + 3, at + 3 + length, descriptor, 0, length)) {
              found = true;
            }
            at += 3 + length;
            break;
          case 3: // Integer
          case 4: // Float
          case 9: // Fieldref
          case 10: // Methodref
          case 11: // InterfaceMethodref
          case 12: // NameAndType
          case 17: // Dynamic
          case 18: // InvokeDynamic
            at += 5;
            break;
          case 5: // Long
          case 6: // Double: two slots
            at += 9;
            index++;
            break;
          case 7: // Class
          case 8: // String
          case 16: // MethodType
          case 19: // Module
          case 20: // Package
            at += 3;
            break;
          case 15: // MethodHandle
            at += 4;
            break;
          default:
            return unreadable(classFile, descriptor);
        }
      }
      int access = u2(classFile, at);
      String superName = className(classFile, offsets, u2(classFile, at + 4));
      int interfaceCount = u2(classFile, at + 6);
      String[] interfaces = interfaceCount == 0 ? NONE : new String[interfaceCount];
      for (int i = 0; i < interfaceCount; i++) {
        interfaces[i] = className(classFile, offsets, u2(classFile, at + 8 + 2 * i));
      }
      return new ClassHeader(found, access, superName, interfaces);
    } catch (ArrayIndexOutOfBoundsException truncated) {
      // A pool running past the end of the file: no well-formed class, so the plain search decides.
      return unreadable(classFile, descriptor);
    }
  }

  private static ClassHeader unreadable(byte[] classFile, byte[] descriptor) {
    return new ClassHeader(ConsentCandidateTransformer.contains(classFile, descriptor), 0, null, NONE);
  }

  /** The internal name of the Class entry at {@code index}; null for index 0 (no superclass). */
  private static String className(byte[] classFile, int[] offsets, int index) {
    if (index == 0) {
      return null;
    }
    int utf8 = offsets[u2(classFile, offsets[index] + 1)];
    // Class names are ASCII in practice; modified UTF-8 differs from UTF-8 only for NUL and
    // characters outside the BMP, which no class name a JVM accepts would hold unnoticed here.
    return new String(classFile, utf8 + 3, u2(classFile, utf8 + 1), StandardCharsets.UTF_8);
  }

  private static int u2(byte[] bytes, int at) {
    return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
  }

  /** Whether the pool holds the descriptor read for as a string of its own. */
  boolean namesDescriptor() {
    return namesDescriptor;
  }

  /** The class's access flags ({@code ACC_INTERFACE}, {@code ACC_ABSTRACT}, …); 0 when unreadable. */
  int access() {
    return access;
  }

  /** The superclass's internal name; null for {@code java/lang/Object} itself, a module, or an unreadable file. */
  String superName() {
    return superName;
  }

  /** The direct interfaces' internal names; none for an unreadable file. */
  String[] interfaces() {
    return interfaces;
  }
}

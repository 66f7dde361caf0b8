package dev.piiwarden.processor.writing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A descriptor's class file, as far as replacing a stale one needs: which class a descriptor in
 * the output describes, and the bytes of an empty descriptor.
 *
 * <p>An empty descriptor replaces a stale one when its class is recompiled with no personal data
 * left. That is found at the class's ANALYZE event, after the rounds, when javac no longer compiles
 * generated sources (and a compilation without PII Warden annotations has no rounds for the
 * processor at all), so the class file is written directly. It is what javac makes of {@link
 * DescriptorGenerator}'s source with no members, less the generic signatures, which nothing reads
 * at run time: a public final class with a public constructor, {@code type()} returning the class
 * literal and {@code members()} returning {@code List.of()}. No branches, so no stack map frames.
 */
final class DescriptorClassFile {
  /** Java 8: any JVM that runs PII Warden loads it; the first to call a static interface method. */
  private static final int VERSION = 52;
  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_FINAL = 0x0010;
  private static final int ACC_SUPER = 0x0020;
  private static final int TAG_UTF8 = 1;
  private static final int TAG_CLASS = 7;
  private static final int TAG_METHODREF = 10;
  private static final int TAG_INTERFACE_METHODREF = 11;
  private static final int TAG_NAME_AND_TYPE = 12;
  private static final int ALOAD_0 = 0x2a;
  private static final int LDC = 0x12;
  private static final int LDC_W = 0x13;
  private static final int ARETURN = 0xb0;
  private static final int RETURN = 0xb1;
  private static final int INVOKESPECIAL = 0xb7;
  private static final int INVOKESTATIC = 0xb8;
  private static final String TYPE_DESCRIPTOR = "()Ljava/lang/Class;";

  private DescriptorClassFile() {}

  /** The class file of an empty descriptor named {@code descriptorName} of {@code describedName}. */
  static byte[] empty(String descriptorName, String describedName) {
    ConstantPool pool = new ConstantPool();
    int self = pool.type(internal(descriptorName));
    int object = pool.type("java/lang/Object");
    int descriptorInterface = pool.type("dev/piiwarden/api/PersonalDataDescriptor");
    int described = pool.type(internal(describedName));
    int objectConstructor = pool.method(TAG_METHODREF, object, "<init>", "()V");
    int emptyList = pool.method(TAG_INTERFACE_METHODREF, pool.type("java/util/List"), "of", "()Ljava/util/List;");
    int code = pool.utf8("Code");
    List<byte[]> methods = List.of(
        method(pool, "<init>", "()V", code, ALOAD_0, INVOKESPECIAL, objectConstructor >> 8, objectConstructor, RETURN),
        method(pool, "type", TYPE_DESCRIPTOR, code, LDC_W, described >> 8, described, ARETURN),
        method(pool, "members", "()Ljava/util/List;", code, INVOKESTATIC, emptyList >> 8, emptyList, ARETURN));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(0xCAFEBABE);
      out.writeShort(0);
      out.writeShort(VERSION);
      pool.writeTo(out);
      out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
      out.writeShort(self);
      out.writeShort(object);
      out.writeShort(1);
      out.writeShort(descriptorInterface);
      out.writeShort(0); // fields
      out.writeShort(methods.size());
      for (byte[] method : methods) {
        out.write(method);
      }
      out.writeShort(0); // attributes
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  /** A public method whose Code is {@code instructions}, one operand stack slot and {@code this}. */
  private static byte[] method(ConstantPool pool, String name, String descriptor, int code, int... instructions) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeShort(ACC_PUBLIC);
      out.writeShort(pool.utf8(name));
      out.writeShort(pool.utf8(descriptor));
      out.writeShort(1);
      out.writeShort(code);
      out.writeInt(12 + instructions.length);
      out.writeShort(1); // max stack
      out.writeShort(1); // max locals
      out.writeInt(instructions.length);
      for (int instruction : instructions) {
        out.writeByte(instruction);
      }
      out.writeShort(0); // exception table
      out.writeShort(0); // attributes
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  /**
   * The binary name of the class a descriptor's class file describes: the class literal its {@code
   * type()} loads first (generated as {@code return User.class}, or for a generic class {@code
   * return (Class<Box<?>>) (Class<?>) Box.class}); empty when the bytes say otherwise.
   */
  static Optional<String> describedType(byte[] classFile) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
      if (in.readInt() != 0xCAFEBABE) {
        return Optional.empty();
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      Map<Integer, String> utf8 = new HashMap<>();
      Map<Integer, Integer> classNames = new HashMap<>();
      int count = in.readUnsignedShort();
      for (int index = 1; index < count; index++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case TAG_UTF8 -> utf8.put(index, in.readUTF());
          case TAG_CLASS -> classNames.put(index, in.readUnsignedShort());
          case 8, 16, 19, 20 -> in.skipNBytes(2); // String, MethodType, Module, Package
          case 15 -> in.skipNBytes(3); // MethodHandle
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
          case 5, 6 -> { // Long and Double take two entries
            in.skipNBytes(8);
            index++;
          }
          default -> {
            return Optional.empty();
          }
        }
      }
      in.skipNBytes(6); // access, this, super
      in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
      skipMembers(in); // fields
      int methods = in.readUnsignedShort();
      for (int m = 0; m < methods; m++) {
        in.skipNBytes(2);
        String name = utf8.get(in.readUnsignedShort());
        String descriptor = utf8.get(in.readUnsignedShort());
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          String attribute = utf8.get(in.readUnsignedShort());
          int length = in.readInt();
          if ("type".equals(name) && TYPE_DESCRIPTOR.equals(descriptor) && "Code".equals(attribute)) {
            in.skipNBytes(8); // max stack, max locals, code length
            int opcode = in.readUnsignedByte();
            int constant = opcode == LDC ? in.readUnsignedByte() : opcode == LDC_W ? in.readUnsignedShort() : 0;
            String internalName = utf8.get(classNames.get(constant));
            return Optional.ofNullable(internalName).map(n -> n.replace('/', '.'));
          }
          in.skipNBytes(length);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private static void skipMembers(DataInputStream in) throws IOException {
    int members = in.readUnsignedShort();
    for (int m = 0; m < members; m++) {
      in.skipNBytes(6);
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.skipNBytes(2);
        in.skipNBytes(in.readInt() & 0xffffffffL);
      }
    }
  }

  private static String internal(String binaryName) {
    return binaryName.replace('.', '/');
  }

  /** Constant pool entries, each written once, numbered from 1. */
  private static final class ConstantPool {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(bytes);
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<String> keys = new ArrayList<>();

    int utf8(String value) {
      return entry("U" + value, () -> {
        out.writeByte(TAG_UTF8);
        out.writeUTF(value);
      });
    }

    int type(String internalName) {
      int name = utf8(internalName);
      return entry("C" + internalName, () -> {
        out.writeByte(TAG_CLASS);
        out.writeShort(name);
      });
    }

    int method(int tag, int owner, String name, String descriptor) {
      int nameIndex = utf8(name);
      int descriptorIndex = utf8(descriptor);
      int nameAndType = entry("N" + name + descriptor, () -> {
        out.writeByte(TAG_NAME_AND_TYPE);
        out.writeShort(nameIndex);
        out.writeShort(descriptorIndex);
      });
      return entry("M" + owner + "." + name + descriptor, () -> {
        out.writeByte(tag);
        out.writeShort(owner);
        out.writeShort(nameAndType);
      });
    }

    private interface Entry {
      void write() throws IOException;
    }

    private int entry(String key, Entry entry) {
      Integer known = indexes.get(key);
      if (known != null) {
        return known;
      }
      try {
        entry.write();
      } catch (IOException impossible) {
        throw new UncheckedIOException(impossible);
      }
      keys.add(key);
      indexes.put(key, keys.size());
      return keys.size();
    }

    void writeTo(DataOutputStream target) throws IOException {
      out.flush();
      target.writeShort(keys.size() + 1);
      target.write(bytes.toByteArray());
    }
  }
}

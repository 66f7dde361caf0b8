package dev.piiwarden.agent.redaction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.function.Function;

/**
 * Reads of a framework object's members (an event's message, arguments, ...), each through a call
 * site that is bound, once, to the handles found for the first class read. A call through an
 * {@link #invoker} kept in a {@code static final} field is then inlined by the JIT behind a type
 * check, where a handle kept in an object per class is an indirect call each time. Objects of any
 * other type (another class loader's framework, say) are read through the handles their class
 * gives.
 */
final class BoundReads {
  /** The type of every read: {@code (Object)Object}. */
  static final MethodType READ = MethodType.methodType(Object.class, Object.class);

  private static final MethodHandle HANDLE_OF;
  private static final MethodHandle IS_INSTANCE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HANDLE_OF = lookup.findVirtual(BoundReads.class, "handleOf",
          MethodType.methodType(MethodHandle.class, int.class, Object.class));
      IS_INSTANCE = lookup.findVirtual(Class.class, "isInstance",
          MethodType.methodType(boolean.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final MutableCallSite[] sites;
  private final Function<Class<?>, MethodHandle[]> handlesOf;
  private boolean bound;

  /**
   * Reads all of type {@code (Object)Object}.
   *
   * @param count the number of reads
   * @param handlesOf the handles of the reads for a receiver's class, in order
   */
  BoundReads(int count, Function<Class<?>, MethodHandle[]> handlesOf) {
    this(java.util.Collections.nCopies(count, READ).toArray(new MethodType[0]), handlesOf);
  }

  /**
   * @param types the type of each read, the receiver (an {@code Object}) first
   * @param handlesOf the handles of the reads for a receiver's class, in order, of those types
   */
  BoundReads(MethodType[] types, Function<Class<?>, MethodHandle[]> handlesOf) {
    this.handlesOf = handlesOf;
    this.sites = new MutableCallSite[types.length];
    for (int i = 0; i < types.length; i++) {
      MethodType type = types[i];
      MethodHandle select = MethodHandles.dropArguments(
          MethodHandles.insertArguments(HANDLE_OF, 0, this, i), 1,
          type.parameterList().subList(1, type.parameterCount()));
      sites[i] = new MutableCallSite(
          MethodHandles.foldArguments(MethodHandles.exactInvoker(type), select));
    }
  }

  /** The invoker of read {@code which}, to keep in a static final field. */
  MethodHandle invoker(int which) {
    return sites[which].dynamicInvoker();
  }

  /** Binds every read to {@code handles} for receivers of {@code type}: see {@link #bind(Class[], MethodHandle[])}. */
  void bind(Class<?> type, MethodHandle[] handles) {
    Class<?>[] types = new Class<?>[handles.length];
    java.util.Arrays.fill(types, type);
    bind(types, handles);
  }

  /**
   * Binds read {@code i} to {@code handles[i]} for receivers that are instances of {@code
   * types[i]}, unless bound already. A thread that has not seen the new targets yet reads through
   * the generic path, which gives the same values.
   */
  synchronized void bind(Class<?>[] types, MethodHandle[] handles) {
    if (bound) {
      return;
    }
    bound = true;
    for (int i = 0; i < sites.length; i++) {
      MethodType type = sites[i].type();
      MethodHandle test = MethodHandles.dropArguments(
          IS_INSTANCE.bindTo(types[i]), 1, type.parameterList().subList(1, type.parameterCount()));
      sites[i].setTarget(MethodHandles.guardWithTest(test, handles[i], sites[i].getTarget()));
    }
  }

  private MethodHandle handleOf(int which, Object receiver) {
    return handlesOf.apply(receiver.getClass())[which];
  }
}

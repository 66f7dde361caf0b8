package dev.piiwarden.agent.redaction;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.util.function.Function;

/**
 * Reads of a framework object's members (an event's message, arguments, ...), each through a call
 * site that is bound, once, to the handles of the first class read. A call through an {@link
 * #invoker} kept in a {@code static final} field is then inlined by the JIT behind a class check,
 * where a handle kept in an object per class is an indirect call each time. Objects of any other
 * class are read through the handles their class gives.
 */
final class BoundReads {
  /** The type of every read: {@code (Object)Object}. */
  static final MethodType READ = MethodType.methodType(Object.class, Object.class);

  private static final MethodHandle GENERIC;
  private static final MethodHandle IS_CLASS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      GENERIC = lookup.findVirtual(BoundReads.class, "read",
          MethodType.methodType(Object.class, int.class, Object.class));
      IS_CLASS = lookup.findStatic(BoundReads.class, "isClass",
          MethodType.methodType(boolean.class, Object.class, Class.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final MutableCallSite[] sites;
  private final Function<Class<?>, MethodHandle[]> handlesOf;
  private Class<?> bound;

  /**
   * @param count the number of reads
   * @param handlesOf the {@code (Object)Object} handles of the reads for a class, in order
   */
  BoundReads(int count, Function<Class<?>, MethodHandle[]> handlesOf) {
    this.handlesOf = handlesOf;
    this.sites = new MutableCallSite[count];
    for (int i = 0; i < count; i++) {
      sites[i] = new MutableCallSite(MethodHandles.insertArguments(GENERIC, 0, this, i));
    }
  }

  /** The {@code (Object)Object} invoker of read {@code which}, to keep in a static final field. */
  MethodHandle invoker(int which) {
    return sites[which].dynamicInvoker();
  }

  /**
   * Binds the reads to {@code type}'s handles, unless bound already. A thread that has not seen
   * the new targets yet reads through the generic path, which gives the same values.
   */
  synchronized void bind(Class<?> type, MethodHandle[] handles) {
    if (bound != null) {
      return;
    }
    bound = type;
    MethodHandle test = MethodHandles.insertArguments(IS_CLASS, 1, type);
    for (int i = 0; i < sites.length; i++) {
      sites[i].setTarget(MethodHandles.guardWithTest(test, handles[i], sites[i].getTarget()));
    }
  }

  private Object read(int which, Object target) throws Throwable {
    return (Object) handlesOf.apply(target.getClass())[which].invokeExact(target);
  }

  private static boolean isClass(Object target, Class<?> type) {
    return target.getClass() == type;
  }
}

package dev.piiwarden.processor.flow;

import dev.piiwarden.core.inventory.SinkKind;
import java.util.List;

/**
 * One entry of the sink catalogue: calls of {@code methods} on {@code type} or a subtype of it
 * (compared on erasure) send their arguments to a sink of {@code kind}.
 *
 * @param kind where the data goes
 * @param type the canonical name of the receiver type (for a static method, its class)
 * @param methods method names; {@code <init>} is a constructor. For an {@code arguments} entry,
 *     the methods whose arguments count ({@link #countsArgumentsOf}; a name ending in {@code *}
 *     stands for every name it starts), all of them when empty
 * @param receivers when not empty, only calls on these static fields count, e.g. {@code
 *     java.lang.System.out}
 * @param stream the methods return an output stream or writer rather than send their arguments:
 *     what is written to it, directly, through a local or through a wrapper ({@code new
 *     OutputStreamWriter(connection.getOutputStream())}), goes to this sink
 * @param returned {@code type} is an annotation and {@code methods} is empty: what a method
 *     annotated with it returns goes to this sink, and what a public instance method of a class
 *     annotated with it returns; the annotation counts directly or on an annotation of theirs
 *     ({@code @RestController} carries {@code @ResponseBody}; {@code @GET} carries {@code
 *     @HttpMethod}). A web framework writes those values into the response.
 * @param handlers for a {@code returned} entry, the annotations (canonical names) that make a
 *     method of a class annotated with {@code type} a handler, directly or through the annotations
 *     on them ({@code @RequestMapping}, which {@code @GetMapping} carries); empty: every public
 *     instance method of such a class is one
 * @param valuesOnly an annotated object (or a container of them) handed to these methods stands
 *     for its identity, not its data: a JPA query binds an entity parameter by its id. Only the
 *     values handed count (an e-mail address read from one), not an object's members or fields.
 *     For a {@code fields} entry: an object of a class annotated with {@code type} written into a
 *     field stands for its identity (a JPA relation stores the related entity's id).
 * @param fields {@code type} is an annotation and {@code methods} is empty: a value written into a
 *     field of a class annotated with it goes to this sink, wherever the object is changed (not in
 *     a constructor, nor written directly on an object the method made itself, which reaches the
 *     sink when it is saved). A JPA provider writes the changed fields of a managed {@code @Entity} at flush, with
 *     no call to save it. Static, {@code transient} and {@code @Transient} fields are not written.
 * @param arguments {@code type} is an annotation: the arguments of a call of a method annotated
 *     with it, or of an abstract method of a type annotated with it, go to this sink, of those in
 *     {@code methods} when it is not empty. A data-access framework implements such methods and
 *     sends their arguments to the database: Spring Data's {@code @Modifying} queries, MyBatis'
 *     {@code @Insert} and {@code @Update} mappers, the {@code insert…} and {@code update…} methods
 *     of a MyBatis {@code @Mapper} whose statements are written in XML.
 * @param skips for an entry of methods or a {@code returned} one: the members of an object handed
 *     (or returned) whole that the sink leaves out, as the library writing it does ({@link
 *     SkippedMembers}: {@code @JsonIgnore} for Jackson, {@code transient} for Gson)
 */
public record SinkDefinition(SinkKind kind, String type, List<String> methods, List<String> receivers,
    boolean stream, boolean returned, List<String> handlers, boolean valuesOnly, boolean fields,
    boolean arguments, SkippedMembers skips) {
  public SinkDefinition {
    methods = List.copyOf(methods);
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    handlers = handlers == null ? List.of() : List.copyOf(handlers);
    skips = skips == null ? SkippedMembers.NONE : skips;
  }

  /** An entry that writes every member of an object handed whole. */
  public SinkDefinition(SinkKind kind, String type, List<String> methods, List<String> receivers,
      boolean stream, boolean returned, List<String> handlers, boolean valuesOnly, boolean fields,
      boolean arguments) {
    this(kind, type, methods, receivers, stream, returned, handlers, valuesOnly, fields, arguments, SkippedMembers.NONE);
  }

  /** An entry whose arguments count whole. */
  public SinkDefinition(SinkKind kind, String type, List<String> methods, List<String> receivers,
      boolean stream, boolean returned, List<String> handlers) {
    this(kind, type, methods, receivers, stream, returned, handlers, false, false, false);
  }

  /** An entry whose methods send their arguments, or open a stream to the sink. */
  public SinkDefinition(SinkKind kind, String type, List<String> methods, List<String> receivers,
      boolean stream) {
    this(kind, type, methods, receivers, stream, false, List.of());
  }

  /** An entry whose methods send their arguments. */
  public SinkDefinition(SinkKind kind, String type, List<String> methods, List<String> receivers) {
    this(kind, type, methods, receivers, false);
  }

  /** An entry for what methods annotated with {@code annotation} (or handlers of a class annotated with it) return. */
  public static SinkDefinition returnedBy(SinkKind kind, String annotation, List<String> handlers) {
    return returnedBy(kind, annotation, handlers, SkippedMembers.NONE);
  }

  /** {@link #returnedBy(SinkKind, String, List)}, leaving out the members {@code skips} names. */
  public static SinkDefinition returnedBy(SinkKind kind, String annotation, List<String> handlers, SkippedMembers skips) {
    return new SinkDefinition(kind, annotation, List.of(), List.of(), false, true, handlers, false, false, false, skips);
  }

  /** An entry for what is written into the fields of classes annotated with {@code annotation}. */
  public static SinkDefinition fieldsOf(SinkKind kind, String annotation, boolean valuesOnly) {
    return new SinkDefinition(kind, annotation, List.of(), List.of(), false, false, List.of(), valuesOnly, true, false);
  }

  /**
   * An entry for the arguments of calls of methods annotated with {@code annotation}, or of
   * abstract methods of a type annotated with it, named in {@code methods} (all when empty).
   */
  public static SinkDefinition argumentsOf(SinkKind kind, String annotation, boolean valuesOnly, List<String> methods) {
    return new SinkDefinition(kind, annotation, methods, List.of(), false, false, List.of(), valuesOnly, false, true);
  }

  /**
   * For an {@code arguments} entry: whether the arguments of a method named {@code name} count,
   * {@code insertUser} for {@code insert*}.
   */
  public boolean countsArgumentsOf(String name) {
    if (methods.isEmpty()) {
      return true;
    }
    for (String method : methods) {
      if (method.endsWith(PREFIX) ? name.startsWith(method.substring(0, method.length() - 1)) : name.equals(method)) {
        return true;
      }
    }
    return false;
  }

  /** Ends a name of {@link #methods} in an {@code arguments} entry that stands for every name it starts. */
  public static final String PREFIX = "*";
}

package dev.piiwarden.core.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call by which a method hands personal data, or one of its own parameters, to another method.
 *
 * @param callee the called method's id, {@code <type>#<name>(<param types>)}, or the id of the field
 *     the value is stored in, {@code <type>#<field>} ({@link #isField})
 * @param argument the 0-based position of the argument
 * @param line the line of the call
 * @param elements the data elements the argument carries, sorted
 * @param parameters the caller's own parameters (0-based) the argument carries, sorted
 * @param confidence how directly the value was seen to reach the argument
 * @param results the caller's project calls whose results the argument carries
 * @param exceptMembersOf per parameter in {@code parameters} that the argument carries only in part,
 *     the types (binary names) whose data elements, handed to the caller in that parameter, the
 *     argument does not carry: it holds only members of the parameter's object that are no
 *     personal data ({@code audit(user.getId())}); see {@link ParameterSink#exceptMembersOf}
 * @param exact the call runs the callee itself, not an override of it: {@code super.save(user)};
 *     written only when true
 * @param receivers for a call on an object whose static type is one of the project's subtypes of
 *     the callee's class ({@code user.setPassword(p)} with {@code user} a {@code User}, the method
 *     declared in {@code Account}): that type, then its supertypes below the callee's class, binary
 *     names; the call runs an override only in one of these or in a subtype of the first
 *     ({@link MethodSummary#supertypes}). Empty, and not written, for any other call
 * @param receiverArguments for a call on an object whose static type has type arguments, one of
 *     them at least a class ({@code attr.setOwner(user)} with {@code attr} a {@code
 *     PlainAttr<User>}): those arguments, binary names of their erasures, {@link #ANY_TYPE} for a
 *     type variable or wildcard; the type is the first of {@code receivers}, or the callee's class
 *     when there are none. The call runs no override in a class that gives that type other
 *     arguments ({@code GroupAttr implements PlainAttr<Group>}). Empty, and not written, for any
 *     other call
 */
@JsonPropertyOrder({"callee", "argument", "line", "elements", "parameters", "confidence", "results",
    "exceptMembersOf", "exact", "receivers", "receiverArguments"})
public record ArgumentPass(
    String callee,
    int argument,
    int line,
    List<String> elements,
    List<Integer> parameters,
    Confidence confidence,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CallResult> results,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<Integer, List<String>> exceptMembersOf,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean exact,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> receivers,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> receiverArguments) {

  /** In {@link #receiverArguments} and {@link MethodSummary#supertypeArguments}: a type variable or wildcard. */
  public static final String ANY_TYPE = "?";

  static final Comparator<ArgumentPass> ORDER =
      Comparator.comparingInt(ArgumentPass::line)
          .thenComparing(ArgumentPass::callee)
          .thenComparingInt(ArgumentPass::argument)
          .thenComparing((a, b) -> Sorting.compareLists(a.elements(), b.elements(), Comparator.naturalOrder()))
          .thenComparing((a, b) -> Sorting.compareLists(a.parameters(), b.parameters(), Comparator.naturalOrder()));

  /** Checks the callee and normalises lists. */
  public ArgumentPass {
    Objects.requireNonNull(callee, "callee");
    elements = Sorting.keys(elements);
    parameters = parameters == null ? List.of() : parameters.stream().distinct().sorted().toList();
    confidence = confidence == null ? Confidence.DIRECT : confidence;
    receivers = receivers == null ? List.of() : List.copyOf(receivers);
    receiverArguments = receiverArguments == null ? List.of() : List.copyOf(receiverArguments);
    results = Sorting.sorted(results, CallResult.ORDER);
    exceptMembersOf = Sorting.partial(parameters, exceptMembersOf);
  }

  /** Whether the argument carries {@code element} when the caller received it in {@code parameter}. */
  public boolean carries(int parameter, String element) {
    return parameters.contains(parameter)
        && !exceptMembersOf.getOrDefault(parameter, List.of()).contains(DataElement.ownerOf(element));
  }

  /**
   * Whether {@code id}, a pass's callee or a call result's, names a field ({@code <type>#<field>}:
   * a value stored in it, or a read of it) rather than a method ({@code <type>#<name>(<params>)}).
   */
  public static boolean isField(String id) {
    return id.indexOf('(') < 0;
  }

  /** A pass to the callee or any override of it, as a virtual call goes. */
  public ArgumentPass(String callee, int argument, int line, List<String> elements, List<Integer> parameters,
      Confidence confidence, List<CallResult> results, Map<Integer, List<String>> exceptMembersOf) {
    this(callee, argument, line, elements, parameters, confidence, results, exceptMembersOf, false, List.of(),
        List.of());
  }

  /**
   * Whether the call may run {@code target}, the callee or an override of it: any may, but an
   * {@link #exact} call only the callee; for a call whose receiver's type is known ({@link
   * #receivers}), only one in that type, in one of its supertypes below the callee's class, or in
   * a subtype of it; and for a call whose receiver's type has type arguments ({@link
   * #receiverArguments}), not one whose class gives that type other ones ({@link
   * MethodSummary#supertypeArguments}).
   */
  public boolean mayRun(MethodSummary target) {
    return Dispatch.mayRun(callee, exact, receivers, receiverArguments, target);
  }

  /** A pass whose receiver's type, when named, is named without type arguments. */
  public ArgumentPass(String callee, int argument, int line, List<String> elements, List<Integer> parameters,
      Confidence confidence, List<CallResult> results, Map<Integer, List<String>> exceptMembersOf, boolean exact,
      List<String> receivers) {
    this(callee, argument, line, elements, parameters, confidence, results, exceptMembersOf, exact, receivers,
        List.of());
  }

  /** A pass that carries its parameters whole. */
  public ArgumentPass(String callee, int argument, int line, List<String> elements, List<Integer> parameters,
      Confidence confidence, List<CallResult> results) {
    this(callee, argument, line, elements, parameters, confidence, results, Map.of());
  }

  /** A pass that carries no call results. */
  public ArgumentPass(
      String callee, int argument, int line, List<String> elements, List<Integer> parameters, Confidence confidence) {
    this(callee, argument, line, elements, parameters, confidence, List.of());
  }
}

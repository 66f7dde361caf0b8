package dev.piiwarden.core.inventory;

import java.util.List;

/** Which methods a call of a project method may run, for passes and call results alike. */
final class Dispatch {
  private Dispatch() {}

  /** Whether a call of {@code callee} may run {@code target}: see {@link ArgumentPass#mayRun}. */
  static boolean mayRun(String callee, boolean exact, List<String> receivers, List<String> receiverArguments,
      MethodSummary target) {
    if (target.method().equals(callee)) {
      return true;
    }
    if (exact) {
      return false;
    }
    if (!receivers.isEmpty() && !receivers.contains(DataElement.ownerOf(target.method()))
        && !target.supertypes().contains(receivers.get(0))) {
      return false;
    }
    if (receiverArguments.isEmpty()) {
      return true;
    }
    List<String> given = target.supertypeArguments()
        .get(receivers.isEmpty() ? DataElement.ownerOf(callee) : receivers.get(0));
    if (given == null || given.size() != receiverArguments.size()) {
      return true; // the class names no arguments for that type: nothing to tell them apart by
    }
    for (int i = 0; i < given.size(); i++) {
      String mine = receiverArguments.get(i);
      String theirs = given.get(i);
      if (!mine.equals(theirs) && !mine.equals(ArgumentPass.ANY_TYPE) && !theirs.equals(ArgumentPass.ANY_TYPE)) {
        return false; // a type argument is the same type on both sides, or the call could not compile
      }
    }
    return true;
  }
}

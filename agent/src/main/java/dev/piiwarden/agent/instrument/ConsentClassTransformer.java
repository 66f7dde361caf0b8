package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ConsentRule;
import dev.piiwarden.agent.consent.NumberedRules;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Rewrites one class that names {@code @ConsentRequired} or implements a method a supertype requires
 * consent for ({@link ConsentMethodRewriter}); returns
 * null, leaving the class as it was, when no method of it is enforced or audited. With {@code
 * annotated} access events only a class that is rewritten has its inventory fragment read, when
 * the first audit event asks for categories; with {@code all}, each class the candidate filter
 * passes (it names {@code @ConsentRequired} or has a fragment), before it is rewritten.
 */
public final class ConsentClassTransformer {
  private final NumberedRules<ConsentRule> rules;
  private final FragmentCatalogue catalogue;
  private final ToIntFunction<String> audited;

  /**
   * @param rules where each enforced method's rule is registered
   * @param catalogue the inventory fragments, read for the classes rewritten
   * @param audited with {@code piiwarden.audit.access=all}: by activity id, the number of the
   *     access rule of an activity that reads personal data, else -1; null otherwise. Then the
   *     fragment is read before the class is rewritten, so that its activities are known
   */
  public ConsentClassTransformer(
      NumberedRules<ConsentRule> rules, FragmentCatalogue catalogue, ToIntFunction<String> audited) {
    this.rules = rules;
    this.catalogue = catalogue;
    this.audited = audited;
  }

  /**
   * The class rewritten, or null when nothing of it is enforced or audited.
   *
   * @param inherited the methods that implement an abstract method a supertype requires consent
   *     for, with what it requires ({@link InheritedConsent}); empty for most classes
   */
  public byte[] transform(ClassLoader loader, String className, byte[] classFile,
      Map<String, InheritedConsent.Requirement> inherited) {
    if (audited != null) {
      catalogue.transforming(className.replace('/', '.'), loader);
    }
    ClassReader reader = new ClassReader(classFile);
    // Frames and maximums are kept from the class file and written by hand for the inserted code:
    // computing them would load classes, from inside a transformer.
    ClassWriter writer = new ClassWriter(reader, 0);
    ConsentMethodRewriter rewriter = new ConsentMethodRewriter(
        writer, rules, audited, reader, classFile, inherited);
    reader.accept(rewriter, 0);
    if (rewriter.enforced() == 0 && rewriter.accessAudited() == 0) {
      return null;
    }
    if (audited == null) {
      // Only for the audit events' categories: read when the first event asks, not while the
      // application starts (reading a fragment loads the JSON reader).
      catalogue.transformedLater(className.replace('/', '.'), loader);
    }
    return writer.toByteArray();
  }
}

package dev.piiwarden.agent.instrument;

import dev.piiwarden.agent.consent.ConsentRules;
import dev.piiwarden.agent.inventory.FragmentCatalogue;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * Rewrites one class that names {@code @ConsentRequired} ({@link ConsentMethodRewriter}); returns
 * null, leaving the class as it was, when no method of it is enforced. Only a class that is
 * rewritten has its inventory fragment read.
 */
public final class ConsentClassTransformer implements ClassFileTransformer {
  private final ConsentRules rules;
  private final FragmentCatalogue catalogue;

  /**
   * @param rules where each enforced method's rule is registered
   * @param catalogue the inventory fragments, read for the classes rewritten
   */
  public ConsentClassTransformer(ConsentRules rules, FragmentCatalogue catalogue) {
    this.rules = rules;
    this.catalogue = catalogue;
  }

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    // Frames and maximums are kept from the class file and written by hand for the inserted code:
    // computing them would load classes, from inside a transformer.
    ClassWriter writer = new ClassWriter(reader, 0);
    ConsentMethodRewriter rewriter = new ConsentMethodRewriter(writer, rules, reader);
    reader.accept(rewriter, 0);
    if (rewriter.enforced() == 0) {
      return null;
    }
    catalogue.transforming(className.replace('/', '.'), loader);
    return writer.toByteArray();
  }
}

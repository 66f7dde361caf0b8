package dev.piiwarden.processor.flow;

import com.sun.source.tree.Tree;
import dev.piiwarden.core.inventory.MethodSummary;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * The result of analysing one top-level class.
 *
 * @param methods the facts of each method with a body, nested member classes' included
 * @param summaries a summary for every method that hands data or parameters on, or sinks a parameter
 * @param erroneous attribution left errors in the class
 * @param unrecordedPersonalData members of local and anonymous classes marked {@code @PersonalData}
 * @param privateCallers where the class's private methods are called from
 */
public record ClassFlow(
    Map<ExecutableElement, MethodFacts> methods, List<MethodSummary> summaries, boolean erroneous,
    List<Tree> unrecordedPersonalData, PrivateCallers privateCallers) {}

package dev.piiwarden.processor.flow;

import javax.lang.model.element.TypeElement;

/**
 * What the analysis needs to know about a called method, worked out once per method per
 * compilation.
 *
 * @param id {@code <binary name>#<name>(<param types>)}
 * @param name the simple name, {@code <init>} for a constructor
 * @param owner the declaring type
 * @param library declared in the JDK: not listed among an activity's calls, no summary to follow
 * @param returnsNothing returns void or boolean, or is a sanitiser ({@code PersonalDataExport.redact}):
 *     its result carries nothing on
 * @param carriesArguments its result carries its arguments (string building, formatting)
 * @param collectsArguments it adds its arguments to its receiver ({@code StringBuilder.append})
 * @param storesArguments a collection's or map's method that stores its arguments ({@code list.add(x)})
 * @param functions what it does with the functions it is handed (a JDK container's or collector's method)
 * @param unseen declared outside the JDK in a class neither compiled here nor described by a fragment on
 *     the class path (a third-party library): no summary will say what it returns
 */
record Callee(
    String id,
    String name,
    TypeElement owner,
    boolean library,
    boolean returnsNothing,
    boolean carriesArguments,
    boolean collectsArguments,
    boolean storesArguments,
    ElementFunctions functions,
    boolean unseen) {}

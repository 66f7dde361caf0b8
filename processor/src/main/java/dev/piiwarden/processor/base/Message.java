package dev.piiwarden.processor.base;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports: its id, severity and text. Each text says what is wrong
 * and what to do; {@code %s} placeholders are filled with keys, names and types, and a value from
 * the user's code or build only through core's {@link dev.piiwarden.core.text.QuotedValue},
 * so personal data is shown masked.
 */
public enum Message {
  PW001(Diagnostic.Kind.ERROR,
      "Unknown data category \"%s\".%s Use a constant of dev.piiwarden.annotations.Category, or declare"
          + " the key in the taxonomy extension file named by -Apiiwarden.taxonomy."),
  PW002(Diagnostic.Kind.ERROR,
      "Unknown purpose \"%s\" in @%s.%s Use a constant of dev.piiwarden.annotations.Purpose, or declare"
          + " the key in the taxonomy extension file named by -Apiiwarden.taxonomy."),
  PW003(Diagnostic.Kind.ERROR,
      "Unknown data subject \"%s\".%s Use a constant of dev.piiwarden.annotations.Subject, or declare"
          + " the key in the taxonomy extension file named by -Apiiwarden.taxonomy."),
  PW004(Diagnostic.Kind.ERROR,
      "@PersonalData on method %s, which is not an accessor (%s). Put it on the field, or on a method"
          + " that takes no parameters and returns the value."),
  PW005(Diagnostic.Kind.ERROR,
      "Retention \"%s\" is %s. Write it like \"P30D\", \"P2Y\", \"P6M\", \"P2W\" or \"PT12H\"."),
  PW006(Diagnostic.Kind.ERROR,
      "Category \"%s\" is a special category (GDPR Art. 9/10) and needs an explicit lawful basis."
          + " Add basis = LawfulBasis.<the basis you rely on>, e.g. CONSENT or LEGAL_OBLIGATION."),
  PW007(Diagnostic.Kind.ERROR,
      "@ConsentRequired names no purposes, so no consent could ever be checked. List the purposes"
          + " that must be granted, e.g. @ConsentRequired(Purpose.MARKETING_COMMUNICATIONS_EMAIL)."),
  PW008(Diagnostic.Kind.WARNING,
      "@DataSubject on %s of type %s, which cannot identify a data subject; the agent ignores it and"
          + " falls back to PrivacyContext. Use a String, CharSequence, UUID, primitive or boxed number"
          + " (on a method: a no-argument accessor returning one)."),
  PW009(Diagnostic.Kind.ERROR,
      "Option %s=%s is not valid: %s."),
  PW010(Diagnostic.Kind.ERROR,
      "The taxonomy extension named by -Apiiwarden.taxonomy cannot be used: %s"),
  PW011(Diagnostic.Kind.ERROR,
      "PII Warden failed internally while %s: %s. This is a bug in the processor; please report it"
          + " with this message and the stack trace:%n%s"),
  PW012(Diagnostic.Kind.NOTE,
      "PII Warden wrote no%s inventory fragments or descriptors because of the errors above. Fix them"
          + " and compile again."),
  PW013(Diagnostic.Kind.NOTE,
      "%s is left out of PII Warden's generated descriptors: %s. %s"),
  PW014(Diagnostic.Kind.NOTE,
      "The data subject of %s cannot be resolved from its parameters; the agent takes it from"
          + " PrivacyContext at run time. Mark a parameter, or a member of a parameter's type, with"
          + " @DataSubject to pass it explicitly."),
  PW015(Diagnostic.Kind.ERROR,
      "PII Warden cannot write %s: %s. Check that the output folder is writable, then compile again."),
  PW016(Diagnostic.Kind.WARNING,
      "Purpose limitation: %s acts for %s but reads %s, which was collected for %s only. Add the"
          + " purpose to the data's @PersonalData(purposes = ...) if it is compatible with them, or do"
          + " not read this data here."),
  PW017(Diagnostic.Kind.WARNING,
      "%s reads %s, which is processed on the basis of consent (for %s), but requires no consent that"
          + " covers it. Add @ConsentRequired with one of those purposes to the method or its class."),
  PW018(Diagnostic.Kind.WARNING,
      "Personal data %s reaches the %s sink %s. %s Log an id or PersonalDataExport.redact(...)"
          + " instead, and run with the agent."),
  PW019(Diagnostic.Kind.NOTE,
      "PII Warden's method-body analysis is not available: %s. Fragments list declarations only (no"
          + " reads, calls, sinks or method summaries). Compile with javac to get them."),
  PW020(Diagnostic.Kind.ERROR,
      "The sink catalogue named by -Apiiwarden.sinks cannot be used: %s. The format is"
          + " {\"sinks\":[{\"kind\":\"LOG\",\"type\":\"com.acme.AuditLog\",\"methods\":[\"record\"]}]}."),
  PW021(Diagnostic.Kind.WARNING,
      "The PII Warden inventory fragment of %s on the class path cannot be read: %s. Meanwhile its"
          + " methods are followed as a third-party library's: what they return is taken to carry"
          + " everything they were handed."),
  PW022(Diagnostic.Kind.ERROR,
      "%s and %s would both get the descriptor %s (a nested class Outer.Inner and a top-level class"
          + " Outer_Inner share it), so one of them would be read by the other's descriptor. Rename one"
          + " of the two classes."),
  PW023(Diagnostic.Kind.WARNING,
      "Option %s is not one of PII Warden's, so it does nothing%s The options are piiwarden.taxonomy,"
          + " piiwarden.strict, piiwarden.flow and piiwarden.sinks."),
  PW024(Diagnostic.Kind.WARNING,
      "@PersonalData on %s, a member of a local or anonymous class, is left out of the inventory and"
          + " the generated descriptors: such a class has no name they could use, so the records of"
          + " processing and the data-flow checks do not see this data. Move it to a top-level or"
          + " nested class."),
  PW025(Diagnostic.Kind.NOTE,
      "The sink catalogue named by -Apiiwarden.sinks: %s names type %s, which is not on the class path,"
          + " so no call matches it%s. Nothing to do if this module does not use that library;"
          + " otherwise correct the type's canonical name."),
  PW026(Diagnostic.Kind.WARNING,
      "@%s on %s, a property of %s's primary constructor, is on the constructor's parameter only"
          + " (where Kotlin puts it unless told otherwise): the property's field and getter do not"
          + " carry it, so the inventory, the generated descriptor and the agent do not see the"
          + " property. Write @field:%s (or @get:%s) on it."),
  PW027(Diagnostic.Kind.WARNING,
      "@ConsentRequired on %s, a method %s implements with a proxy at run time: no class of the"
          + " application implements it, and the PII Warden agent checks consent in the method that"
          + " implements an abstract one, so calls of it run without a consent check. Put"
          + " @ConsentRequired on the application's method that calls it."),
  PW028(Diagnostic.Kind.WARNING,
      "%s implements %s with %s, inherited from a superclass that does not implement %s: the PII Warden"
          + " agent checks consent on the first implementation in a class that implements it, and"
          + " there is none, so calls of it run without a consent check. Override %s in this class"
          + " (calling super) or put @ConsentRequired on %s."),
  PW029(Diagnostic.Kind.WARNING,
      "%s implements %s, which requires consent for %s, and nothing checks it at run time: the PII"
          + " Warden agent checks consent in the method of a class that implements an abstract one, and"
          + " a lambda or method reference is implemented by a class the JVM generates, which the agent"
          + " cannot change, so calls of it run without a consent check or audit event. Implement %s in"
          + " a named or anonymous class, or %s.");

  private final Diagnostic.Kind kind;
  private final String format;

  Message(Diagnostic.Kind kind, String format) {
    this.kind = kind;
    this.format = format;
  }

  /** The severity before {@code piiwarden.strict} is applied. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The text with its id, e.g. {@code PW001: Unknown data category ...}. */
  public String format(Object... args) {
    return name() + ": " + String.format(format, args);
  }

  /** " Did you mean "x"?" for a suggestion, or an empty string. */
  public static String didYouMean(java.util.Optional<String> suggestion) {
    return suggestion.map(s -> " Did you mean \"" + s + "\"?").orElse("");
  }
}

package dev.piiwarden.annotations;

/** The lawful bases for processing of GDPR Art. 6(1), plus {@code UNSPECIFIED}. */
public enum LawfulBasis {
  /** Not declared. Not allowed for special categories of data. */
  UNSPECIFIED,
  /** Art. 6(1)(a): the data subject has given consent. */
  CONSENT,
  /** Art. 6(1)(b): necessary for a contract with the data subject. */
  CONTRACT,
  /** Art. 6(1)(c): necessary for a legal obligation of the controller. */
  LEGAL_OBLIGATION,
  /** Art. 6(1)(d): necessary to protect someone's vital interests. */
  VITAL_INTERESTS,
  /** Art. 6(1)(e): necessary for a task in the public interest. */
  PUBLIC_TASK,
  /** Art. 6(1)(f): necessary for the legitimate interests of the controller or a third party. */
  LEGITIMATE_INTERESTS
}

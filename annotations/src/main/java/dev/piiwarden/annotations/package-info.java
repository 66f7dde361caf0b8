/**
 * The annotations developers put on personal data ({@link dev.piiwarden.annotations.PersonalData}),
 * on consent-gated methods ({@link dev.piiwarden.annotations.ConsentRequired}), on data subject ids
 * ({@link dev.piiwarden.annotations.DataSubject}) and on processing activities ({@link
 * dev.piiwarden.annotations.ProcessingActivity}), plus the taxonomy key constants.
 */
package dev.piiwarden.annotations;

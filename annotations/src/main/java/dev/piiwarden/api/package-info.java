/**
 * The small API an application calls: the privacy context of a thread ({@link
 * dev.piiwarden.api.PrivacyContext}), the consent ledger ({@link dev.piiwarden.api.Consents}), the
 * exception a denied call throws, and export of a person's data ({@link
 * dev.piiwarden.api.PersonalDataExport}).
 */
package dev.piiwarden.api;

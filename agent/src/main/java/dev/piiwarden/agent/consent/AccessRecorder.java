package dev.piiwarden.agent.consent;

import dev.piiwarden.agent.audit.ConsentAuditEvents;
import dev.piiwarden.agent.bootstrap.ConsentBridge;
import dev.piiwarden.agent.report.AgentReport;

/**
 * Records each call of an access-audited activity ({@code piiwarden.audit.access=all}) as an
 * {@code access} event: no consent check, the subject from the fragment's {@code subjectFrom}, else
 * the privacy context. Never throws: a failure is reported once and the call goes on.
 */
public final class AccessRecorder implements ConsentBridge.Access {
  private final NumberedRules<AccessRule> rules;
  private final SubjectResolver subjects = new SubjectResolver();

  /** @param rules the rules of the audited methods */
  public AccessRecorder(NumberedRules<AccessRule> rules) {
    this.rules = rules;
  }

  @Override
  public void accessed(int ruleId, Class<?> declaringType, Object[] arguments) {
    AccessRule rule = rules.get(ruleId);
    if (rule == null || !ConsentAuditEvents.auditing() || rule.resumes(declaringType, arguments)) {
      return;
    }
    try {
      String subject = subjects.resolve(rule, declaringType, arguments);
      ConsentAuditEvents.accessed(rule.activity(), rule.purposes(), declaringType, subject);
    } catch (Throwable internal) {
      AgentReport.once(
          "access:" + internal.getClass().getName(),
          "internal error while auditing an access to "
              + rule.activity()
              + " ("
              + AgentReport.describe(internal)
              + "); the call went on unaudited");
    }
  }

  @Override
  public void failed(int ruleId, Class<?> declaringType, Object[] arguments, Throwable failure) {
    AccessRule rule = rules.get(ruleId);
    if (rule == null || !ConsentAuditEvents.auditingAccess()) {
      return;
    }
    try {
      if (arguments != null && rule.resumes(declaringType, arguments)) {
        return; // a suspend function's resumption: its call was recorded when it began
      }
      String subject = arguments == null ? null : subjects.resolve(rule, declaringType, arguments);
      ConsentAuditEvents.failed(rule.activity(), rule.purposes(), declaringType, subject, failure);
    } catch (Throwable internal) {
      AgentReport.once(
          "access-failed:" + internal.getClass().getName(),
          "internal error while auditing a failed call of "
              + rule.activity()
              + " ("
              + AgentReport.describe(internal)
              + "); its exception went on unaudited");
    }
  }
}

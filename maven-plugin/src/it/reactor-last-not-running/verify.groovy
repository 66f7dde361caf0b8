// The reactor's last modules do not run the goals (extras sets piiwarden.skip, bom is a parentless BOM
// without the plugin): the reactor-wide check, ropa and aggregate still run, in audit, the last module
// that runs them, and the check fails the build on payments' card number logged in audit.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("PII Warden check (aggregate): runs in the last module of the reactor that runs it, com.acme.it:audit:jar:1.0")
assert log.contains("PII Warden check (aggregate): the modules after this one do not run it (not bound, or skipped), so their classes are not included: com.acme.it:extras:pom:1.0, com.acme.it:bom:pom:1.0")
assert log.contains('PII Warden check failed: policy violations: 1 error, ')
assert log.contains('[ERROR] audit/src/main/java/com/acme/audit/LogSender.java')
assert !log.contains('at dev.piiwarden.') : 'no stack trace'

File top = new File(basedir, 'target/piiwarden')
assert new File(top, 'piiwarden.sarif').getText('UTF-8').contains('PWP001-sensitive-data-to-log')
assert new File(top, 'ropa.md').getText('UTF-8').contains('Checkout')
assert new File(top, 'inventory.json').getText('UTF-8').contains('cardNumber')
return true

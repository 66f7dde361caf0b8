// payments' card number reaches audit's log only across modules: check with aggregate=true runs once,
// in the last module, over the whole reactor, and fails the build with the finding at the sink's source
// path relative to the root (the module's source folder found for it).
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("PII Warden check (aggregate): runs in the last module of the reactor that runs it, com.acme.it:audit:jar:1.0")
assert log.contains('PII Warden check failed: policy violations: 1 error, ')
assert log.contains('[PWP001-sensitive-data-to-log]')
assert log.contains('com.acme.payments.Payment#cardNumber')
assert log.contains('[ERROR] audit/src/main/java/com/acme/audit/LogSender.java')
assert !log.contains('at dev.piiwarden.') : 'no stack trace'

// Each module alone has no flow: its own inventory would pass the policy.
assert !new File(basedir, 'payments/target/piiwarden/inventory.json').getText('UTF-8').contains('"sink" : "LOG"')
assert !new File(basedir, 'audit/target/piiwarden/inventory.json').getText('UTF-8').contains('cardNumber')

File top = new File(basedir, 'target/piiwarden')
String sarif = new File(top, 'piiwarden.sarif').getText('UTF-8')
assert sarif.contains('PWP001-sensitive-data-to-log')
assert sarif.contains('audit/src/main/java/com/acme/audit/LogSender.java')
assert new File(top, 'ropa.md').getText('UTF-8').contains('Checkout')
assert !new File(basedir, 'payments/target/piiwarden/ropa.md').exists()
assert !new File(basedir, 'audit/target/piiwarden/piiwarden.sarif').exists()
return true

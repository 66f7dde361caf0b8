// service logs the card number of domain's Customer. Its own inventory has the read but not the
// category; the check takes the data elements that domain (its dependency) declares, so the
// default policy fails service's build, in the build and when the goal runs on its own after it.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':check (default-cli) @ service')
assert log.contains('[ERROR] service/src/main/java/com/acme/service/Billing.java:10: error: user.financial.credit_card (com.acme.domain.Customer#cardNumber) reaches LOG')
assert log.contains('PII Warden check failed: policy violations: 1 error, 0 warnings, 0 notes (policy piiwarden-default)')
assert log.contains('on project service: PII Warden check failed')
assert !log.contains('declared neither in this module nor in its dependencies')
assert !log.contains('at dev.piiwarden.') : 'no stack trace'

String sarif = new File(basedir, 'service/target/piiwarden/piiwarden.sarif').getText('UTF-8')
assert sarif.contains('PWP001-sensitive-data-to-log')
// domain's own inventory keeps its data; service's has only its read
assert !new File(basedir, 'service/target/piiwarden/inventory.json').getText('UTF-8').contains('"category"')
return true

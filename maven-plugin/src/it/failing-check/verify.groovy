// The build fails in verify with the finding in the message, and the SARIF file holds it.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] src/main/java/com/acme/Checkout.java:')
assert log.contains('PII Warden check failed: policy violations: 1 error, 0 warnings, 0 notes (policy piiwarden-default)')
assert log.contains('[PWP001-sensitive-data-to-log]')
assert log.contains('com.acme.Payment#cardNumber')
assert !log.contains('at dev.piiwarden.') : 'no stack trace'

String sarif = new File(basedir, 'target/piiwarden/piiwarden.sarif').getText('UTF-8')
assert sarif.contains('PWP001-sensitive-data-to-log')
assert sarif.contains('src/main/java/com/acme/Checkout.java')
assert new File(basedir, 'target/piiwarden/inventory.json').isFile()
return true

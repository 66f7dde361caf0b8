// 1: the build fails in verify with the finding in the message, and the SARIF file holds it.
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

// 2: -proc:none. The class folder has annotated classes and no fragments; each goal reads it, the
// warning is said once, and the check fails the build with it.
String classes = new File(basedir, 'target/without-processor/classes').path
String warning = classes + ' holds classes that refer to PII Warden\'s annotations (com/acme/Payment.class refers to' +
    ' @PersonalData) but' +
    ' no inventory fragments: piiwarden-processor did not run when they were compiled; put it on the' +
    ' annotationProcessorPaths of maven-compiler-plugin 3.5 or later (Maven\'s default 3.1 ignores them), do not' +
    ' pass -proc:none, and build again'
assert log.count(warning) == 2 : 'the warning once, and in the failure'
assert log.contains('[WARNING] ' + warning)
assert log.contains('PII Warden check failed: ' + warning)
assert !log.contains('nothing to report')
return true

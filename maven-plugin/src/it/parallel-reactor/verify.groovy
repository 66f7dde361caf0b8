String log = new File(basedir, 'build.log').getText('UTF-8')
assert !log.contains('not a PII Warden inventory') : 'no fragment read half-written'
assert !log.contains('at dev.piiwarden.') : 'no stack trace'

// 1: tools, the last module, is ready while service's slow test runs and web is not compiled. The
// reactor-wide goals wait there for every module before it to finish, then the check fails on web's log.
assert log.contains('PII Warden aggregate: the build is parallel, so this waits for the modules before this one to finish building (at most 3600 s, piiwarden.reactorTimeout): ')
assert log.contains('PII Warden aggregate: the modules before this one finished building after ')
assert log.contains('on project tools: PII Warden check failed: policy violations: 1 error, 0 warnings, 0 notes (policy piiwarden-default)')
// sourceRoot is a prefix before each module's source folder, as for a Maven build in a repository's backend folder.
String path = 'backend/web/src/main/java/com/acme/web/CustomerController.java'
assert log.contains('[ERROR] ' + path + ':13: error: ')
File top = new File(basedir, 'target/piiwarden')
assert new File(top, 'piiwarden.sarif').getText('UTF-8').contains('"uri" : "' + path + '"')
assert new File(top, 'inventory.json').getText('UTF-8').contains('com.acme.web.CustomerController#charge(java.lang.String)')
assert new File(top, 'ropa.md').getText('UTF-8').contains('CustomerController')

// 2 and 3: web alone reads the card number but does not declare it; its check takes the data elements of
// its dependencies (domain), and fails, in the build and when the goal runs on its own after it.
String finding = '[ERROR] web/src/main/java/com/acme/web/CustomerController.java:13: error: user.financial.credit_card' +
    ' (com.acme.domain.Customer#cardNumber) reaches LOG'
assert log.count(finding) == 2
assert log.contains(':check (default) on project web: PII Warden check failed: policy violations: 1 error')
assert log.contains('check (default-cli) on project web: PII Warden check failed: policy violations: 1 error')
assert !log.contains('declared neither in this module nor in its dependencies')
assert new File(basedir, 'web/target/piiwarden/piiwarden.sarif').getText('UTF-8').contains('PWP001-sensitive-data-to-log')
return true

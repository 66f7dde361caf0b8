// tools, the last module, is ready while service's slow test runs and web is not compiled. The
// reactor-wide goals wait there for every module before it to finish, then the check fails on web's log.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('PII Warden aggregate: the build is parallel, so this waits for the modules before this one to finish building (at most 3600 s, piiwarden.reactorTimeout): ')
assert log.contains('PII Warden aggregate: the modules before this one finished building after ')
assert log.contains('PII Warden check failed: policy violations: 1 error, 0 warnings, 0 notes (policy piiwarden-default)')
assert log.contains('[PWP001-sensitive-data-to-log]')
// sourceRoot is a prefix before each module's source folder, as for a Maven build in a repository's backend folder.
String path = 'backend/web/src/main/java/com/acme/web/CustomerController.java'
assert log.contains('[ERROR] ' + path + ':')
assert !log.contains('not a PII Warden inventory') : 'no fragment read half-written'
assert !log.contains('at dev.piiwarden.') : 'no stack trace'

File top = new File(basedir, 'target/piiwarden')
assert new File(top, 'piiwarden.sarif').getText('UTF-8').contains('"uri" : "' + path + '"')
assert new File(top, 'inventory.json').getText('UTF-8').contains('com.acme.web.CustomerController#charge(java.lang.String)')
assert new File(top, 'ropa.md').getText('UTF-8').contains('CustomerController')
return true

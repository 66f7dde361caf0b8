// Built whole, then with -pl signup: the root is not in the second reactor and signup is Maven's
// top-level project. The aggregate goes to the folder that holds both modules, signup keeps its own
// inventory, and mail, left out of the second build, is read from the classes the first one left.
File signup = new File(basedir, 'signup/target/piiwarden/inventory.json')
File root = new File(basedir, 'target/piiwarden/inventory.json')
assert signup.isFile() && root.isFile()
assert !signup.getText('UTF-8').contains('"sink"') : 'signup/target/piiwarden/inventory.json is the module\'s own'
assert !signup.getText('UTF-8').contains('com.acme.mail')
assert root.getText('UTF-8').contains('"sink" : "LOG"') : 'mail\'s flow is missing from the aggregate of the -pl build'

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('PII Warden aggregate (aggregate): the modules this build leaves out (-pl) are read from the classes an earlier build left in their target folders: com.acme.it:mail:jar:1.0')
assert log.contains('PII Warden aggregate: 1 data element, 1 activity, 1 flow of 2 modules in ' + root.toPath().toAbsolutePath().normalize())

// The check of the whole reactor (aggregate) finds the email logged in mail, in both builds, at the file in
// mail's source folder: in the -pl build too, though mail is left out of it and read from its classes.
String finding = '[WARNING] mail/src/main/java/com/acme/mail/LogSender.java:11: warning: user.contact.email' +
    ' (com.acme.signup.Customer#email) reaches LOG'
int second = log.indexOf('BUILD SUCCESS')
assert second > 0
String full = log.substring(0, second)
String partial = log.substring(second)
assert partial.contains('PII Warden check (aggregate): the modules this build leaves out (-pl) are read from the classes an earlier build left in their target folders: com.acme.it:mail:jar:1.0')
[full, partial].each { String build ->
  List<String> findings = build.readLines().findAll { it.contains(' reaches LOG') }
  assert findings.size() == 1 : findings
  assert findings[0].startsWith(finding) : findings[0]
}
assert !new File(basedir, 'signup/target/piiwarden/piiwarden.sarif').exists() : 'the reactor-wide SARIF file is not the module\'s'
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/piiwarden/piiwarden.sarif'))
def locations = sarif.runs[0].results*.locations.flatten()*.physicalLocation
assert locations*.artifactLocation*.uri == ['mail/src/main/java/com/acme/mail/LogSender.java']
assert locations*.region*.startLine == [11]
return true

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
return true

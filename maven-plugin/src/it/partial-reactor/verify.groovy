// Built with -pl signup,mail, the root is not in the reactor and signup is Maven's top-level project.
// The aggregate goes to the folder that holds both modules, and signup keeps its own inventory.
File signup = new File(basedir, 'signup/target/piiwarden/inventory.json')
File root = new File(basedir, 'target/piiwarden/inventory.json')
assert signup.isFile() && root.isFile()
assert !signup.getText('UTF-8').contains('"sink"') : 'signup/target/piiwarden/inventory.json is the module\'s own'
assert !signup.getText('UTF-8').contains('com.acme.mail')
assert root.getText('UTF-8').contains('"sink" : "LOG"')

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('PII Warden aggregate: 1 data element, 1 activity, 1 flow of 2 modules in ' + root.toPath().toAbsolutePath().normalize())
return true

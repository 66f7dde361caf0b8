// The flow from signup's Customer#email to mail's log shows only in the root's aggregate, which is
// byte for byte `piiwarden inventory signup/target/classes mail/target/classes`.
import dev.piiwarden.cli.Main
import java.nio.file.Files

String flowPath = '"com.acme.signup.Signup#register(com.acme.signup.Customer)", "com.acme.mail.LogSender#send(java.lang.String)"'

File signup = new File(basedir, 'signup/target/piiwarden/inventory.json')
File mail = new File(basedir, 'mail/target/piiwarden/inventory.json')
File root = new File(basedir, 'target/piiwarden/inventory.json')
assert signup.isFile() && mail.isFile() && root.isFile()
assert !signup.getText('UTF-8').contains('"sink"')
assert !mail.getText('UTF-8').contains('com.acme.signup.Customer#email')

String aggregate = root.getText('UTF-8')
assert aggregate.contains('"element" : "com.acme.signup.Customer#email"')
assert aggregate.contains('"sink" : "LOG"')
assert aggregate.replaceAll(/\s+/, '').contains('"path":[' + flowPath.replaceAll(/\s+/, '') + ']')

def out = new ByteArrayOutputStream()
def err = new ByteArrayOutputStream()
int code = Main.run(['inventory', new File(basedir, 'signup/target/classes').path,
    new File(basedir, 'mail/target/classes').path] as String[],
    new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), [:])
assert code == 0 : err.toString('UTF-8')
assert Arrays.equals(Files.readAllBytes(root.toPath()), out.toByteArray())

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('PII Warden aggregate: 1 data element, 1 activity, 1 flow of 2 modules in')
return true

// The plugin's inventory is byte for byte what `piiwarden inventory target/classes` prints.
import dev.piiwarden.cli.Main
import java.nio.file.Files

File classes = new File(basedir, 'target/classes')
File inventory = new File(basedir, 'target/piiwarden/inventory.json')
assert inventory.isFile()

def out = new ByteArrayOutputStream()
def err = new ByteArrayOutputStream()
int code = Main.run(['inventory', classes.path] as String[], new PrintStream(out, true, 'UTF-8'),
    new PrintStream(err, true, 'UTF-8'), [:])
assert code == 0 : err.toString('UTF-8')
assert Arrays.equals(Files.readAllBytes(inventory.toPath()), out.toByteArray())

String json = inventory.getText('UTF-8')
assert json.contains('"id" : "com.acme.Customer#email"') || json.contains('"id": "com.acme.Customer#email"')
assert json.contains('com.acme.Signup#register(com.acme.Customer)')

for (String format : ['md', 'html', 'csv', 'json']) {
  assert new File(basedir, "target/piiwarden/ropa.${format}").isFile() : "ropa.${format}"
}
assert new File(basedir, 'target/piiwarden/ropa.md').getText('UTF-8').contains('Acme GmbH')
assert new File(basedir, 'target/piiwarden/ropa.md').getText('UTF-8').contains('Account registration')

String sarif = new File(basedir, 'target/piiwarden/piiwarden.sarif').getText('UTF-8')
assert sarif.contains('"version" : "2.1.0"')
assert sarif.contains('contact-in-logs')
assert sarif.contains('src/main/java/com/acme/Signup.java')

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] src/main/java/com/acme/Signup.java:')
assert log.contains('[contact-in-logs]')
assert log.contains('PII Warden check: 0 errors, 1 warning, 0 notes (policy acme)')
return true

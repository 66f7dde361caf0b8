// Every invocation succeeded (the invoker checks that); each wrote only what was not skipped.
File all = new File(basedir, 'target/all-skipped')
File check = new File(basedir, 'target/check-skipped')
File each = new File(basedir, 'target/each-skipped')

assert new File(all, 'classes/META-INF/piiwarden/types/com.acme.Checkout.json').isFile()
assert !new File(all, 'piiwarden').exists()

assert new File(check, 'piiwarden/inventory.json').isFile()
assert new File(check, 'piiwarden/ropa.md').isFile()
assert !new File(check, 'piiwarden/piiwarden.sarif').exists()

assert new File(each, 'classes/META-INF/piiwarden/types/com.acme.Checkout.json').isFile()
assert !new File(each, 'piiwarden').exists()

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('PII Warden check skipped (piiwarden.check.skip)')
assert log.contains('PII Warden inventory skipped (piiwarden.inventory.skip)')
assert log.contains('PII Warden ropa skipped (piiwarden.ropa.skip)')
return true

// Lead.java deleted between two builds with maven.compiler.useIncrementalCompilation=false: the compiler
// plugin compiles nothing, so Lead's class file and fragment stay. The second build says so once (inventory
// and check both read the class folder), naming the class; Lead's data is kept, not guessed away.
File classes = new File(basedir, 'target/classes')
assert !new File(basedir, 'src/main/java/com/acme/Lead.java').exists()
assert new File(classes, 'META-INF/piiwarden/types/com.acme.Lead.json').isFile()
assert new File(basedir, 'target/piiwarden/inventory.json').getText('UTF-8').contains('"id" : "com.acme.Lead#phone"')

String log = new File(basedir, 'build.log').getText('UTF-8')
int second = log.indexOf('BUILD SUCCESS')
assert second > 0
String first = log.substring(0, second)
String again = log.substring(second)
assert !first.contains('source folders') : 'no warning while Lead.java is there'
List<String> stale = again.readLines().findAll { it.contains('source folders') }
assert stale == ['[WARNING] PII Warden: ' + classes.toPath().toAbsolutePath().normalize() +
    ' holds the inventory fragment of 1 class whose source file is in none of this module\'s source folders' +
    ' (com.acme.Lead): renamed or deleted, and not recompiled (maven.compiler.useIncrementalCompilation=false' +
    ' keeps the old fragment), so the inventory, the records of processing and the check still include its' +
    ' data; run mvn clean, or build with the compiler\'s default incremental mode, to drop it']
return true

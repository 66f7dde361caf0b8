// kapt ran the processor over its stubs: declarations in the inventory, the classes named as not
// analysed (in the plugin's warning and the records of processing), PW026 for the property whose
// annotation Kotlin left on the constructor parameter, and the descriptor compiled and usable.
import groovy.json.JsonSlurper

def inventory = new JsonSlurper().parse(new File(basedir, 'target/piiwarden/inventory.json'))
def elements = inventory.dataElements.collect { it.id }
assert elements.contains('com.acme.Customer#email') : elements
assert inventory.dataElements.find { it.id == 'com.acme.Customer#email' }.kind == 'FIELD'
assert !elements.any { it.startsWith('com.acme.Customer#<init>') } : elements
assert inventory.activities.collect { it.id } == ['com.acme.Mailer#send(com.acme.Customer)']
assert inventory.activities[0].subjectFrom == 'PARAMETER 0 FIELD id'
assert inventory.withoutBodyAnalysis == ['com.acme.Customer', 'com.acme.Lead', 'com.acme.Mailer']

assert new File(basedir, 'target/classes/com/acme/Customer_PiiWardenDescriptor.class').isFile()
assert !new File(basedir, 'target/classes/com/acme/Lead_PiiWardenDescriptor.class').exists()

String ropa = new File(basedir, 'target/piiwarden/ropa.md').getText('UTF-8')
assert ropa.contains('**Incomplete: 3 classes were compiled without piiwarden-processor\'s method-body analysis')

String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('PW019: PII Warden\'s method-body analysis is not available: kapt runs annotation'
    + ' processors over stubs of the Kotlin classes')
assert log.contains('PW026: @PersonalData on phone, a property of com.acme.Lead\'s primary constructor')
assert log.count('PW026') == 1
// kapt's mapDiagnosticLocations puts it on the Kotlin line of the parameter, not the stub's
assert log.contains('src/main/kotlin/com/acme/Accounts.kt:17: warning: PW026') : 'PW026 not at Accounts.kt:17'
assert log.contains('[WARNING] PII Warden: 3 classes were compiled without piiwarden-processor\'s method-body analysis')
return true

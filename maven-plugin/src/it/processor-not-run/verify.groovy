// The processor did not run: the class folder has annotated classes and no fragments. Each goal
// reads it, the warning is said once, and the check fails the build with it.
String log = new File(basedir, 'build.log').getText('UTF-8')
String warning = 'classes holds classes with PII Warden annotations (@PersonalData in com/acme/Payment.class) but no' +
    ' inventory fragments: piiwarden-processor did not run when they were compiled; put it on the' +
    ' annotationProcessorPaths of maven-compiler-plugin 3.5 or later (Maven\'s default 3.1 ignores them), do not' +
    ' pass -proc:none, and build again'
assert log.count(warning) == 2 : 'the warning once, and in the failure'
assert log.contains('[WARNING] ' + basedir + '/target/' + warning)
assert log.contains('PII Warden check failed: ' + basedir + '/target/' + warning)
assert !log.contains('nothing to report')
assert !log.contains('at dev.piiwarden.') : 'no stack trace'
return true

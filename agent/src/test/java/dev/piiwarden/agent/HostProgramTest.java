package dev.piiwarden.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostProgramTest {
  @Test
  void theJdksToolsAndThePiiWardenCommandLineAreTools() {
    assertTrue(HostProgram.isTool("jdk.jcmd/sun.tools.jcmd.JCmd -l"));
    assertTrue(HostProgram.isTool("jdk.jcmd/sun.tools.jstack.JStack 4242"));
    assertTrue(HostProgram.isTool("sun.tools.jps.Jps"));
    assertTrue(HostProgram.isTool("java.base/sun.security.tools.keytool.Main -list"));
    assertTrue(HostProgram.isTool("jdk.compiler/com.sun.tools.javac.Main -d out A.java"));
    assertTrue(HostProgram.isTool("/opt/piiwarden/bin/piiwarden.jar audit verify trail.jsonl"));
    assertTrue(HostProgram.isTool("report-cli/target/piiwarden-cli-0.1.0-SNAPSHOT.jar ropa classes"));
    assertTrue(HostProgram.isTool("dev.piiwarden.cli.PiiWarden inventory"));
  }

  @Test
  void buildToolsAreToolsButTheJvmsTheyForkForTestsAreNot() {
    assertTrue(HostProgram.isTool("org.codehaus.plexus.classworlds.launcher.Launcher -B verify"));
    assertTrue(HostProgram.isTool("org.apache.maven.wrapper.MavenWrapperMain -B verify"));
    assertTrue(HostProgram.isTool("org.mvndaemon.mvnd.client.DefaultClient"));
    assertTrue(HostProgram.isTool("org.gradle.launcher.GradleMain build"));
    assertTrue(HostProgram.isTool("org.gradle.wrapper.GradleWrapperMain build"));
    assertTrue(HostProgram.isTool("org.gradle.launcher.daemon.bootstrap.GradleDaemon 8.10"));
    assertFalse(HostProgram.isTool("/srv/build/app/target/surefire/surefirebooter-20261125.jar /srv/build/app/target/surefire 1 2"));
    assertFalse(HostProgram.isTool("worker.org.gradle.process.internal.worker.GradleWorkerMain 'Gradle Test Executor 1'"));
  }

  @Test
  void aSingleFileProgramIsAnApplication() {
    assertFalse(HostProgram.isTool("jdk.compiler/com.sun.tools.javac.launcher.Main src/App.java"));
  }

  @Test
  void onlyAnAgentGivenToEveryJvmIsLeftOutOfTools() {
    assertTrue(HostProgram.givenToEveryJvm("-Xmx1g -javaagent:/opt/piiwarden-agent.jar"));
    assertFalse(HostProgram.givenToEveryJvm("-Xmx1g"));
    assertFalse(HostProgram.givenToEveryJvm(null));
  }

  @Test
  void applicationsAreNone() {
    assertFalse(HostProgram.isTool("com.acme.Main --port 8080"));
    assertFalse(HostProgram.isTool("/srv/app/user-accounts.jar --port 0"));
    assertFalse(HostProgram.isTool("com.acme.app/com.acme.Main"));
    assertFalse(HostProgram.isTool("org.springframework.boot.loader.launch.JarLauncher"));
    assertFalse(HostProgram.isTool("dev.piiwarden.samples.accounts.UserAccountsApp"));
    assertFalse(HostProgram.isTool("/srv/tools.jar"));
    assertFalse(HostProgram.isTool(null));
    assertFalse(HostProgram.isTool(""));
  }
}

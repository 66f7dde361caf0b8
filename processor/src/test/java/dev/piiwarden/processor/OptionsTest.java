package dev.piiwarden.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of SPEC §4: strict, taxonomy, flow and sinks. */
class OptionsTest {
  private static final JavaFileObject ACCOUNT = JavaFileObjects.forSourceString("com.acme.Account", """
      package com.acme;
      import dev.piiwarden.annotations.*;
      class Account {
        @DataSubject Object owner;
        @PersonalData(category = "user.loyalty.tier", purposes = "loyalty.rewards", subject = "member")
        String tier;
      }
      """);

  private static final JavaFileObject USER = JavaFileObjects.forSourceString("com.acme.User", """
      package com.acme;
      import dev.piiwarden.annotations.*;
      class User {
        @DataSubject Object owner;
        @PersonalData(category = "user.contact.email")
        String email;
      }
      """);

  private static Compilation compile(JavaFileObject source, String... options) {
    return javac().withProcessors(new PiiWardenProcessor()).withOptions((Object[]) options).compile(source);
  }

  @Test
  void strictTurnsWarningsIntoErrorsAndWritesNothing() {
    Compilation lenient = compile(USER);
    assertThat(lenient).succeeded();
    assertThat(lenient).hadWarningContaining("PW008").inFile(USER).onLineContaining("Object owner");
    assertThat(lenient)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/com.acme.User.json");

    Compilation strict = compile(USER, "-Apiiwarden.strict=true");
    assertThat(strict).failed();
    assertThat(strict)
        .hadErrorContaining("PW008: @DataSubject on field owner")
        .inFile(USER).onLineContaining("Object owner");
    assertThat(strict).hadErrorContaining("An error because piiwarden.strict=true");
    assertThat(strict).hadNoteContaining("PW012");
  }

  @Test
  void aCustomTaxonomyIsHonoured(@TempDir Path dir) throws IOException {
    Path extension = dir.resolve("taxonomy.json");
    Files.writeString(extension, """
        {"categories": [{"key": "user.loyalty", "parent": "user"},
                        {"key": "user.loyalty.tier", "parent": "user.loyalty", "name": "Loyalty tier"}],
         "purposes": [{"key": "loyalty", "name": "Loyalty"},
                      {"key": "loyalty.rewards", "parent": "loyalty"}],
         "subjects": [{"key": "member", "name": "Club member"}]}
        """);
    Compilation withBuiltIn = compile(ACCOUNT);
    assertThat(withBuiltIn).hadErrorContaining("PW001: Unknown data category \"user.loyalty.tier\"");
    assertThat(withBuiltIn).hadErrorContaining("PW002: Unknown purpose \"loyalty.rewards\"");
    assertThat(withBuiltIn).hadErrorContaining("PW003: Unknown data subject \"member\"");

    Compilation extended = compile(ACCOUNT, "-Apiiwarden.taxonomy=" + extension);
    assertThat(extended).succeeded();
    assertThat(extended)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/piiwarden/types/com.acme.Account.json")
        .contentsAsUtf8String()
        .contains("\"category\" : \"user.loyalty.tier\"");
  }

  @Test
  void aBrokenTaxonomyIsOneErrorNamingTheFile(@TempDir Path dir) throws IOException {
    Path extension = dir.resolve("broken-taxonomy.json");
    Files.writeString(extension, "{\"categories\": [ {\"key\": \"user.x\" ");
    Compilation compilation = compile(USER, "-Apiiwarden.taxonomy=" + extension);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("PW010");
    // as given, though a temporary folder's random digits may look like a card number
    assertThat(compilation).hadErrorContaining(extension.toString());
    assertThat(compilation).hadErrorContaining("not valid JSON");
    assertThat(compilation).hadNoteContaining("PW012");
  }

  @Test
  void aMissingTaxonomyFileIsReported(@TempDir Path dir) {
    Path missing = dir.resolve("nope.json");
    Compilation compilation = compile(USER, "-Apiiwarden.taxonomy=" + missing);
    assertThat(compilation).hadErrorContaining("PW010");
    assertThat(compilation).hadErrorContaining(missing + ": taxonomy extension file not found");
  }

  /** A build's path is shown as given, even where a long number in it would pass as a card number. */
  @Test
  void aTaxonomyPathIsShownAsGivenEvenWhenItLooksLikeACardNumber(@TempDir Path dir) throws IOException {
    Path missing = Files.createDirectories(dir.resolve("4111111111111111")).resolve("nope.json");
    Compilation compilation = compile(USER, "-Apiiwarden.taxonomy=" + missing);
    assertThat(compilation).hadErrorContaining(missing + ": taxonomy extension file not found");
  }

  @Test
  void aMisspeltOptionIsAWarningNamingTheClosestOne() {
    Compilation compilation = compile(USER, "-Apiiwarden.strct=true");
    assertThat(compilation).hadWarningContaining("PW023: Option piiwarden.strct is not one of PII Warden's, so it"
        + " does nothing; did you mean piiwarden.strict?");
    assertThat(compilation).hadWarningContaining("did you mean piiwarden.strict? The options are piiwarden.taxonomy,"
        + " piiwarden.strict, piiwarden.flow and piiwarden.sinks.");
  }

  @Test
  void anOptionFarFromAllIsAWarningListingThem() {
    Compilation compilation = compile(USER, "-Apiiwarden.enforcement.level=high");
    assertThat(compilation).hadWarningContaining("PW023: Option piiwarden.enforcement.level is not one of PII"
        + " Warden's, so it does nothing. The options are piiwarden.taxonomy,");
  }

  @Test
  void anOptionValueShapedLikePersonalDataIsMasked() {
    Compilation compilation = compile(USER, "-Apiiwarden.strict=jane.doe@example.com");
    assertThat(compilation).hadErrorContaining("PW009: Option piiwarden.strict=[REDACTED:email] is not valid");
    assertThat(compilation.diagnostics().toString()).doesNotContain("jane.doe");
  }

  @Test
  void aFileOptionWithoutAValueIsAnError() {
    assertThat(compile(USER, "-Apiiwarden.taxonomy=")).hadErrorContaining("PW009: Option piiwarden.taxonomy=");
    assertThat(compile(USER, "-Apiiwarden.sinks=")).hadErrorContaining("PW009: Option piiwarden.sinks=");
  }

  @Test
  void flagsMustBeTrueOrFalse() {
    Compilation compilation = compile(USER, "-Apiiwarden.flow=maybe");
    assertThat(compilation).hadErrorContaining("PW009: Option piiwarden.flow=maybe is not valid: write true or false");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void theSinksFileMustExist(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("sinks.json");
    assertThat(compile(USER, "-Apiiwarden.sinks=" + missing))
        .hadErrorContaining("PW009: Option piiwarden.sinks=" + missing + " is not valid: no readable file");
    Files.writeString(missing, "{}");
    assertThat(compile(USER, "-Apiiwarden.sinks=" + missing, "-Apiiwarden.flow=false")).succeeded();
  }

  /**
   * A module whose sources carry none of the annotations, with the processor found on the
   * processor path as Maven's {@code annotationProcessorPaths} gives it: javac recognises the
   * options, so a build with {@code -Werror} passes; a misspelt one is still named.
   */
  @Test
  void optionsOnSourcesWithoutTheAnnotationsAreRecognisedByJavac(@TempDir Path dir) throws IOException {
    Path source = Files.writeString(dir.resolve("Plain.java"), "class Plain { void show(String text) { System.out.println(text); } }\n");
    StringBuilder processorPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!entry.contains("auto-value")) { // a test dependency's own processors are not on a user's path
        processorPath.append(processorPath.length() == 0 ? "" : java.io.File.pathSeparator).append(entry);
      }
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    java.io.StringWriter diagnostics = new java.io.StringWriter();
    javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
    boolean built = compiler.getTask(diagnostics, null, null,
        java.util.List.of("-processorpath", processorPath.toString(), "-d", out.toString(), "-Xlint:all", "-Werror",
            "-Apiiwarden.flow=true", "-Apiiwarden.strict=false"),
        null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
    assertThat(diagnostics.toString()).doesNotContain("not recognized");
    com.google.common.truth.Truth.assertWithMessage(diagnostics.toString()).that(built).isTrue();
    // the processor ran: the summary of show (its parameter reaches the console) is written
    assertThat(Files.exists(out.resolve("META-INF/piiwarden/types/Plain.json"))).isTrue();

    java.io.StringWriter misspelt = new java.io.StringWriter();
    compiler.getTask(misspelt, null, null,
        java.util.List.of("-processorpath", processorPath.toString(), "-d", out.toString(), "-Apiiwarden.flw=true"),
        null, compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
    assertThat(misspelt.toString()).contains("PW023");
  }
}

package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialDetectorTest {
  private final Redactor redactor = Detection.only(PiiType.CREDENTIAL);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      login password=hunter2 ok                | login password=[REDACTED:credential] ok
      PASSWORD: hunter2                        | PASSWORD: [REDACTED:credential]
      pwd = s3cr3t&user=bob                    | pwd = [REDACTED:credential]&user=bob
      {"password":"hunter 2","user":"bob"}     | {"password":"[REDACTED:credential]","user":"bob"}
      {"api_key": "abc123"}                    | {"api_key": "[REDACTED:credential]"}
      {\\"token\\":\\"abc123\\"}                | {\\"token\\":\\"[REDACTED:credential]\\"}
      db_password=x1                           | db_password=[REDACTED:credential]
      userPassword=x1                          | userPassword=[REDACTED:credential]
      accessToken: eyJhbGciOi.eyJzdWIi.sig     | accessToken: [REDACTED:credential]
      client_secret=abc;                       | client_secret=[REDACTED:credential];
      X-Api-Key: k123                          | X-Api-Key: [REDACTED:credential]
      secret_key=abc                           | secret_key=[REDACTED:credential]
      apikey='k-1'                             | apikey='[REDACTED:credential]'
      :password => 'pw'                        | :password => '[REDACTED:credential]'
      Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig | Authorization: Bearer [REDACTED:credential]
      authorization=Basic dXNlcjpwYXNz         | authorization=Basic [REDACTED:credential]
      {"Authorization":"Bearer abc.def-ghi"}   | {"Authorization":"Bearer [REDACTED:credential]"}
      Authorization: opaque-token-1            | Authorization: [REDACTED:credential]
      header Bearer abcdefgh12345678 sent      | header Bearer [REDACTED:credential] sent
      password=password=password               | password=[REDACTED:credential]
      jdbc:postgresql://app:s3cr3t!@db.example.com:5432/x | jdbc:postgresql://app:[REDACTED:credential]@db.example.com:5432/x
      redis://:pa$$w0rd@cache:6379             | redis://:[REDACTED:credential]@cache:6379
      password=[hunter2] ok                    | password=[REDACTED:credential] ok
      java -Dpassword=hunter2 -jar app.jar     | java -Dpassword=[REDACTED:credential] -jar app.jar
      PGPASSWORD=hunter2 psql                  | PGPASSWORD=[REDACTED:credential] psql
      export NPMTOKEN=abc123                   | export NPMTOKEN=[REDACTED:credential]
      <password>hunter2</password>             | <password>[REDACTED:credential]</password>
      <user><apiKey>k-1</apiKey></user>        | <user><apiKey>[REDACTED:credential]</apiKey></user>
      "GET /cart;jsessionid=8F2A9C1D0E7B HTTP/1.1" 200 | "GET /cart;jsessionid=[REDACTED:credential] HTTP/1.1" 200
      /cart;jsessionid=8F2A9C1D0E7B&page=2     | /cart;jsessionid=[REDACTED:credential]&page=2
      Cookie: JSESSIONID=8F2A9C1D0E7B; theme=dark | Cookie: JSESSIONID=[REDACTED:credential]; theme=dark
      PHPSESSID=r2t5uvjq435r4q7ib3vtdjq120     | PHPSESSID=[REDACTED:credential]
      ASP.NET_SessionId=4x2gl5jm1vd0mf2        | ASP.NET_SessionId=[REDACTED:credential]
      created sessionId=s-8c1f2e for user 42  | created sessionId=[REDACTED:credential] for user 42
      {"session_id":"s-8c1f2e"}                | {"session_id":"[REDACTED:credential]"}
      "GET / HTTP/1.1" 200 "Basic dXNlcjpwYXNz" | "GET / HTTP/1.1" 200 "Basic [REDACTED:credential]"
      header Basic YWxhZGRpbjpvcGVuc2VzYW1l sent | header Basic [REDACTED:credential] sent
      basic YTpi                               | basic [REDACTED:credential]
      """)
  void valuesAreMaskedKeysKept(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      the password was changed
      passwordHash=abc
      OLDPWD=/home/bob
      mytoken=abc
      tokenizer=standard
      password=[REDACTED:credential]
      {"token": null}
      password=[REDACTED]
      password=[FILTERED], user=bob
      secret: false
      OLDPWD=/home/bob and SUDO_USER NOPASSWD: ALL
      -Xpassword=x
      uses Basic authentication for the admin
      Basic settings saved
      basic YWJj
      Basic dXNlcjpwYXNz=
      session started for user 42
      sessionTimeout=30
      <password></password>
      List<Token> tokens
      <password>null</password>
      {"token": true}
      password=
      Bearer short
      https://example.com/users/@bob
      mailto:bob@example.com
      ssh git@github.com:org/repo.git
      """)
  void otherTextStays(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

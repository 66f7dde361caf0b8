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
      {"log":"cfg:\\npassword=hunter2\\nurl=x"} | {"log":"cfg:\\npassword=[REDACTED:credential]\\nurl=x"}
      cfg\\ttoken=abcdef123456\\tuser=x       | cfg\\ttoken=[REDACTED:credential]\\tuser=x
      line1\\r\\npassword=hunter2             | line1\\r\\npassword=[REDACTED:credential]
      headers {Authorization=[Bearer abcDEF123456ghiJKL], Accept=[application/json]} | headers {Authorization=[Bearer [REDACTED:credential]], Accept=[application/json]}
      {authorization=[Basic YWxhZGRpbjpvcGVuc2VzYW1l], content-type=[json]} | {authorization=[Basic [REDACTED:credential]], content-type=[json]}
      {"secrets":["a"],"secret":["s3cr3t1","s3cr3t2"]} | {"secrets":["a"],"secret":["[REDACTED:credential]"]}
      {"h":{"Authorization":["Bearer abcDEF123456ghiJKL"],"Accept":["*/*"]}} | {"h":{"Authorization":["Bearer [REDACTED:credential]"],"Accept":["*/*"]}}
      secret=[s3cr3t1, s3cr3t2] ok             | secret=[REDACTED:credential] ok
      {"token":{"access_token":"ya29.abc","expires_in":3600},"user_id":42} | {"token":{"access_token":"[REDACTED:credential]","expires_in":3600},"user_id":42}
      on field 'password': rejected value [hunter 2]; codes [Size.form.password] | on field 'password': rejected value [[REDACTED:credential]]; codes [Size.form.password]
      PWD=hunter2                              | PWD=[REDACTED:credential]
      <wsse:Password Type="http://x#PasswordText">hunter2</wsse:Password> | <wsse:Password Type="http://x#PasswordText">[REDACTED:credential]</wsse:Password>
      <ns2:token>abcDEF123456</ns2:token>      | <ns2:token>[REDACTED:credential]</ns2:token>
      <password type="plain">hunter2</password> | <password type="plain">[REDACTED:credential]</password>
      Cookie: SESSION=YjM4NjQtYjZiNy00ZGFlLWE4; XSRF-TOKEN=5f1c | Cookie: SESSION=[REDACTED:credential]; XSRF-TOKEN=[REDACTED:credential]
      Set-Cookie: session=eyJfaWQiOiIxMjMifQ.ZWx.abc; HttpOnly | Set-Cookie: session=[REDACTED:credential]; HttpOnly
      Cookie: remember-me=YWRtaW46MTczMjQ0MjQ2Mjox | Cookie: remember-me=[REDACTED:credential]
      token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJqYW5lQHguY29tIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c rejected | token [REDACTED:credential] rejected
      failed for eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0. at 10:12 | failed for [REDACTED:credential] at 10:12
      {"user":"bob","password":12345678,"ok":true} | {"user":"bob","password":"[REDACTED:credential]","ok":true}
      {"session_id": 1234567}                  | {"session_id": "[REDACTED:credential]"}
      {\\"token\\":1234}                      | {\\"token\\":[REDACTED:credential]}
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
      PWD=/app HOME=/root
      {"PWD":"/home/app","SHLVL":"1"}
      on field 'password': rejected value [null]; codes []
      {"token":[]}
      session: started for user 42
      <password hint="x"/> and <ns:password/>
      user session = 4 closed
      header eyJhbGciOiJIUzI1NiJ9 only
      monkeyJar=eyJhbGciOiJIUzI1NiJ9.x and EYJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig
      """)
  void otherTextStays(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

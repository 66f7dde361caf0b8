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
      GET /login?user=bob&pass=hunter2 HTTP/1.1 | GET /login?user=bob&pass=[REDACTED:credential] HTTP/1.1
      {"user":"bob","pass":"hunter2"}          | {"user":"bob","pass":"[REDACTED:credential]"}
      mqtt connect user=bob pw=hunter2         | mqtt connect user=bob pw=[REDACTED:credential]
      verify pin=4321 for card                 | verify pin=[REDACTED:credential] for card
      PIN: 4321                                | PIN: [REDACTED:credential]
      otp=123456 sent                          | otp=[REDACTED:credential] sent
      passcode: 123456                         | passcode: [REDACTED:credential]
      credentials=bob:hunter2                  | credentials=[REDACTED:credential]
      GET /pay?pan=4111111111111111&cvv=123 HTTP/1.1 | GET /pay?pan=4111111111111111&cvv=[REDACTED:credential] HTTP/1.1
      {"cardNumber":"x","cvc":"123","exp":"12/29"} | {"cardNumber":"x","cvc":"[REDACTED:credential]","exp":"12/29"}
      card_cvv2=123                            | card_cvv2=[REDACTED:credential]
      DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Eby8vdM0xNgf==;EndpointSuffix=core.windows.net | DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=[REDACTED:credential];EndpointSuffix=core.windows.net
      Ocp-Apim-Subscription-Key: 0123456789abcdef0123456789abcdef | Ocp-Apim-Subscription-Key: [REDACTED:credential]
      GET /echo?subscription-key=0123456789abcdef HTTP/1.1 | GET /echo?subscription-key=[REDACTED:credential] HTTP/1.1
      x-functions-key: abc123def456==          | x-functions-key: [REDACTED:credential]
      DB_PASS=hunter2                          | DB_PASS=[REDACTED:credential]
      userPin=4321                             | userPin=[REDACTED:credential]
      gpio_pin=17                              | gpio_pin=[REDACTED:credential]
      cloning with ghp_16C7e42F292c6912E7710c838347Ae178B4a now | cloning with [REDACTED:credential] now
      installation (ghs_16C7e42F292c6912E7710c838347Ae178B4a) | installation ([REDACTED:credential])
      pat github_pat_11ABCDEFG0123456789abc_defGHIjklMNOpqrSTUvwxYZ0123456789 used | pat [REDACTED:credential] used
      stripe key sk_live_4eC39HqLyjWDarjtT1zdp7dc | stripe key [REDACTED:credential]
      restricted rk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ, ok | restricted [REDACTED:credential], ok
      using credentials AKIAIOSFODNN7EXAMPLE from profile default | using credentials [REDACTED:credential] from profile default
      role ASIAY34FZKBOKMUTVV7A expires | role [REDACTED:credential] expires
      GET /geocode/json?address=x&key=AIzaSyD-FAKEKEY1234567890abcdEFGHijklmn HTTP/1.1 | GET /geocode/json?address=x&key=[REDACTED:credential] HTTP/1.1
      {"apiKey2":"AIzaSyD-FAKEKEY1234567890abcdEFGHijklmn"} | {"apiKey2":"[REDACTED:credential]"}
      token: abc123 expired                    | token: [REDACTED:credential] expired
      password: hunter2 must change            | password: [REDACTED:credential] must change
      token: expired                           | token: [REDACTED:credential]
      password=must be changed                 | password=[REDACTED:credential] be changed
      token: expired-at-noon now               | token: [REDACTED:credential] now
      PWD=hunter2                              | PWD=[REDACTED:credential]
      <wsse:Password Type="http://x#PasswordText">hunter2</wsse:Password> | <wsse:Password Type="http://x#PasswordText">[REDACTED:credential]</wsse:Password>
      <ns2:token>abcDEF123456</ns2:token>      | <ns2:token>[REDACTED:credential]</ns2:token>
      <password type="plain">hunter2</password> | <password type="plain">[REDACTED:credential]</password>
      <password><![CDATA[hunter2]]></password> | <password><![CDATA[[REDACTED:credential]]]></password>
      <ns:secret><![CDATA[a<b]c>d]]></ns:secret> | <ns:secret><![CDATA[[REDACTED:credential]]]></ns:secret>
      Cookie: SESSION=YjM4NjQtYjZiNy00ZGFlLWE4; XSRF-TOKEN=5f1c | Cookie: SESSION=[REDACTED:credential]; XSRF-TOKEN=[REDACTED:credential]
      Set-Cookie: session=eyJfaWQiOiIxMjMifQ.ZWx.abc; HttpOnly | Set-Cookie: session=[REDACTED:credential]; HttpOnly
      Cookie: remember-me=YWRtaW46MTczMjQ0MjQ2Mjox | Cookie: remember-me=[REDACTED:credential]
      Cookie: connect.sid=s%3AabcDEF123.xyz789Sig%2B; theme=dark | Cookie: connect.sid=[REDACTED:credential]; theme=dark
      Set-Cookie: connect.sid=s%3Aabc.def; Path=/; HttpOnly | Set-Cookie: connect.sid=[REDACTED:credential]; Path=/; HttpOnly
      {"connect.sid":"s:abc.def"}              | {"connect.sid":"[REDACTED:credential]"}
      token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiZW1haWwiOiJqYW5lQHguY29tIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c rejected | token [REDACTED:credential] rejected
      failed for eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0. at 10:12 | failed for [REDACTED:credential] at 10:12
      {"user":"bob","password":12345678,"ok":true} | {"user":"bob","password":"[REDACTED:credential]","ok":true}
      {"session_id": 1234567}                  | {"session_id": "[REDACTED:credential]"}
      {\\"token\\":1234}                      | {\\"token\\":[REDACTED:credential]}
      LOG:  statement: ALTER USER app WITH PASSWORD 'hunter2' | LOG:  statement: ALTER USER app WITH PASSWORD '[REDACTED:credential]'
      ALTER USER app WITH PASSWORD 'hunter2'   | ALTER USER app WITH PASSWORD '[REDACTED:credential]'
      CREATE ROLE reporting LOGIN PASSWORD 'Rep0rt!ng'; | CREATE ROLE reporting LOGIN PASSWORD '[REDACTED:credential]';
      alter role r encrypted password 'md5abc' valid until 'infinity' | alter role r encrypted password '[REDACTED:credential]' valid until 'infinity'
      CREATE USER 'app'@'%' IDENTIFIED BY 'hunter2' | CREATE USER 'app'@'%' IDENTIFIED BY '[REDACTED:credential]'
      create user app identified by 'pw 2' password expire | create user app identified by '[REDACTED:credential]' password expire
      ALTER USER app WITH PASSWORD 'it''s-secret' VALID UNTIL 'x' | ALTER USER app WITH PASSWORD '[REDACTED:credential]' VALID UNTIL 'x'
      CREATE USER 'a'@'%' IDENTIFIED BY 'o''neil''s'; | CREATE USER 'a'@'%' IDENTIFIED BY '[REDACTED:credential]';
      `ALTER USER app PASSWORD '''' LOGIN`     | `ALTER USER app PASSWORD '[REDACTED:credential]' LOGIN`
      Property spring.datasource.password with value 'hunter2' is invalid: size | Property spring.datasource.password with value '[REDACTED:credential]' is invalid: size
      property 'db.password' with value 'hunter 2' rejected | property 'db.password' with value '[REDACTED:credential]' rejected
      Property app.clientSecret with value 'abc' is invalid | Property app.clientSecret with value '[REDACTED:credential]' is invalid
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
      <password><![CDATA[]]></password> and <password><![CDATA[unclosed
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
      tests pass: 12, fail: 0
      credentials: loaded from profile default
      bypass=1 compass=north spin=2 shipping=3 topic=x
      BYPASS=1 SPIN=2 SHOTP=3
      passes=3 pinned=true otpEnabled=true
      ssl.keystore.password = [hidden]
      ssl.truststore.password = [hidden], ssl.key.password = null
      Invalid token: signature verification failed
      token: expired at 2026-11-24T10:11:12Z
      Password: must be at least 12 characters
      Refresh token: revoked by user
      ghp_tooShort123 and xghp_16C7e42F292c6912E7710c838347Ae178B4a
      GHP_16C7e42F292c6912E7710c838347Ae178B4a
      ghp_16C7e42F292c6912E7710c838347Ae178B4aX
      sk_test_4eC39HqLyjWDarjtT1zdp7dc and sk_live_short
      AKIAIOSFODNNQEXAMPLE has no digit
      AKIAIOSFODNN7EXAMPLE1 and XAKIAIOSFODNN7EXAMPL and akiaiosfodnn7example
      timezone Asia/Tokyo and ASIA: 12
      bare AIzaSyD-FAKEKEY1234567890abcdEFGHijklmn
      ALTER ROLE app WITH PASSWORD NULL
      user identified by fingerprint
      identified: true and identified=yes
      glued password'x' and two blanks password  'x'
      identified by'x' and identified  by 'x'
      unidentified by 'x'
      SID=ORCL sid=12 user.sid=S-1-5-21 inside=1 reconnect.sid=x connect.sidecar=1
      Property app.passwordPolicy with value 'strict' is invalid
      Property app.password with value '' is invalid
      Property spring.datasource.username with value 'bob' is invalid
      """)
  void otherTextStays(String text) {
    assertEquals(text, redactor.redact(text));
  }
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      curl -u user:secret https://api.example.com/x | curl -u user:[REDACTED:credential] https://api.example.com/x
      curl -s --user bob:s3cret https://api.example.com/x | curl -s --user bob:[REDACTED:credential] https://api.example.com/x
      curl --user=bob:s3cret https://x          | curl --user=bob:[REDACTED:credential] https://x
      curl -u "bob:pa ss; x" https://x         | curl -u "bob:[REDACTED:credential]" https://x
      mysql -u root -pS3cret db                 | mysql -u root -p[REDACTED:credential] db
      /usr/bin/mysqldump -uroot -pS3cret shop   | /usr/bin/mysqldump -uroot -p[REDACTED:credential] shop
      running "mariadb -h db -pS3cret"          | running "mariadb -h db -p[REDACTED:credential]"
      docker login -u bob -p S3cret registry.example.com | docker login -u bob -p [REDACTED:credential] registry.example.com
      sshpass -p 'pa ss' ssh deploy@host        | sshpass -p '[REDACTED:credential]' ssh deploy@host
      tool --password S3cret --verbose          | tool --password [REDACTED:credential] --verbose
      tool --password=S3cret                    | tool --password=[REDACTED:credential]
      vault login --token hvs.abc123 now        | vault login --token [REDACTED:credential] now
      app --db-password "S3 cret" --port 1      | app --db-password "[REDACTED:credential]" --port 1
      """)
  void commandLineFlagsAreCredentials(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      docker run -u 1000:1000 img
      docker run -u app:staff -p 8080:80 img
      podman exec -u root:wheel c sh
      chown -u www-data:www-data dir
      ls -p
      grep -p foo
      mysql -P 3306 -u root -h db
      java -port 8080
      tar -xpf file.tar
      cp -p a b
      gcc -pthread -o app main.c
      find . -name x -print
      mysql -u root -p
      docker login -u bob --password-stdin
      tool --password --verbose
      git push --force-with-lease origin main
      the -p flag keeps modes
      missing --password argument, use --token to log in or docker login -p is deprecated
      x-password S3cret and pre--password S3cret
      """)
  void commandLineLookAlikesStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      sqlplus scott/tiger@//dbhost:1521/ORCL    | sqlplus scott/[REDACTED:credential]@//dbhost:1521/ORCL
      sqlplus -s scott/tiger@dbhost             | sqlplus -s scott/[REDACTED:credential]@dbhost
      sqlplus scott/tiger@dbhost.example.com    | sqlplus scott/[REDACTED:credential]@dbhost.example.com
      SQL> CONNECT scott/tiger@orcl             | SQL> CONNECT scott/[REDACTED:credential]@orcl
      url=jdbc:oracle:thin:scott/tiger@dbhost:1521:ORCL | url=jdbc:oracle:thin:scott/[REDACTED:credential]@dbhost:1521:ORCL
      expdp system/Manager1@pdb1 schemas=hr     | expdp system/[REDACTED:credential]@pdb1 schemas=hr
      loading with scott/t!ger#1@dbhost:1521/ORCL | loading with scott/[REDACTED:credential]@dbhost:1521/ORCL
      postgres://app:p@ss@db:5432/x             | postgres://app:[REDACTED:credential]@db:5432/x
      postgres://app:p@ss@db.example.com:5432/x?ssl=true | postgres://app:[REDACTED:credential]@db.example.com:5432/x?ssl=true
      redis://:a@b@c@cache:6379 then bob        | redis://:[REDACTED:credential]@cache:6379 then bob
      https://x-access-token:abcDEF123@github.com/org/repo.git | https://x-access-token:[REDACTED:credential]@github.com/org/repo.git
      git clone https://x-access-token:ghs_16C7e42F292c6912E7710c838347Ae178B4a@github.com/org/repo.git | git clone https://x-access-token:[REDACTED:credential]@github.com/org/repo.git
      https://token:abc@def@gitlab.example.com/g/p.git | https://token:[REDACTED:credential]@gitlab.example.com/g/p.git
      """)
  void connectStringPasswordsAreMaskedUserAndHostKept(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      git log src/main@HEAD
      uses: actions/checkout@v4
      npm i lodash/fp@4.17.21
      docker pull library/nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac
      see docs/guide@example.com
      GET /users/jane.doe@example.com
      sqlplus /nolog @script.sql
      sqlplus scott/@orcl and sqlplus /@orcl
      sqlplus a/b/c@orcl
      read sqlplus.log then foo/bar@baz
      """)
  void pathsAndVersionsWithAnAtStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      Authorization: Digest username="bob", realm="x", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403e" | Authorization: Digest [REDACTED:credential]
      `{"Authorization":"Digest username=\\"bob\\", realm=\\"x\\", response=\\"6629fae4\\""}` | `{"Authorization":"Digest [REDACTED:credential]"}`
      {Authorization=[Digest username="bob", response="6629fae4"], Accept=[*/*]} | {Authorization=[Digest [REDACTED:credential]], Accept=[*/*]}
      Proxy-Authorization: Digest username="bob", response="6629fae4" ok | Proxy-Authorization: Digest [REDACTED:credential] ok
      Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range, Signature=fe5f80f77d5fa3be | Authorization: AWS4-HMAC-SHA256 [REDACTED:credential]
      Authorization: OAuth oauth_consumer_key="xvz1evFS4wEEPTGEFPHBog", oauth_signature="tnnArxj06cWHq44gCs1OSKk%2FjY%3D" | Authorization: OAuth [REDACTED:credential]
      Authorization: Basic dXNlcjpwYXNz=       | Authorization: Basic [REDACTED:credential]
      """)
  void authorizationParametersAreMaskedSchemeKept(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }
}

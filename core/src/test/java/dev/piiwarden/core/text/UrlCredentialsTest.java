package dev.piiwarden.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCredentialsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      jdbc:postgresql://bob:secret@db:5432/app?password=x  | jdbc:postgresql://db:5432/app
      jdbc:mysql://db1/app?user=bob&password=S3cretPw      | jdbc:mysql://db1/app
      jdbc:sqlserver://db1;user=sa;password=S3cretPw       | jdbc:sqlserver://db1
      jdbc:h2:tcp://db1/app;USER=sa;PASSWORD=S3cretPw      | jdbc:h2:tcp://db1/app
      jdbc:oracle:thin:scott/S3cretPw@db1:1521:orcl        | jdbc:oracle:thin:db1:1521:orcl
      jdbc:oracle:thin:scott/S3cretPw@//db1:1521/orcl      | jdbc:oracle:thin://db1:1521/orcl
      jdbc:oracle:thin:@//db1:1521/orcl                    | jdbc:oracle:thin:@//db1:1521/orcl
      jdbc:sqlite:/var/lib/app/consent.db                  | jdbc:sqlite:/var/lib/app/consent.db
      http://collector:4318                                | http://collector:4318
      jdbc:postgresql://db:5432/bob@example.com?user=a     | jdbc:postgresql://db:5432/bob@example.com
      jdbc:postgresql://u:p@ss@db:5432/app                 | jdbc:postgresql://db:5432/app
      jdbc:sqlite:/srv/alice@example.com/a.db              | jdbc:sqlite:/srv/alice@example.com/a.db
      fil:/tmp/alice@example.com/c.jsonl                   | fil:/tmp/alice@example.com/c.jsonl
      """)
  void aUrlIsShownWithoutCredentials(String url, String shown) {
    assertEquals(shown, UrlCredentials.withoutCredentials(url));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      jdbc:mysql://db1/app?user=bob&password=S3cretPw   | No suitable driver found for jdbc:mysql://db1/app?user=bob&password=S3cretPw | No suitable driver found for jdbc:mysql://db1/app
      jdbc:sqlserver://db1;user=sa;password=S3cretPw    | Login failed with password S3cretPw for user sa                             | Login failed with password *** for user sa
      jdbc:oracle:thin:scott/S3cretPw@db1:1521:orcl     | ORA-01017: invalid username/password scott/S3cretPw                         | ORA-01017: invalid username/password ***/***
      jdbc:postgresql://db/app                          | Connection refused                                                          | Connection refused
      """)
  void aDriversMessageLosesTheUrlsCredentials(String url, String message, String scrubbed) {
    assertEquals(scrubbed, UrlCredentials.scrub(message, url));
  }
}

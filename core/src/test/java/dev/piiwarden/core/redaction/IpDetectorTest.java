package dev.piiwarden.core.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpDetectorTest {
  private final Redactor redactor = Detection.only(PiiType.IP);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      from 192.168.1.10 port 22           | from [REDACTED:ip] port 22
      client=10.0.0.1:8080                | client=[REDACTED:ip]:8080
      host 10.1.2.3/24                    | host [REDACTED:ip]/24
      one host 192.168.1.17/32            | one host [REDACTED:ip]/32
      1.0.0.1                             | [REDACTED:ip]
      from 10.1.0.0 and 10.0.1.0          | from [REDACTED:ip] and [REDACTED:ip]
      a bare 1.2.3.4 is an address        | a bare [REDACTED:ip] is an address
      v6 2001:db8::1 up                   | v6 [REDACTED:ip] up
      v6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 | v6 [REDACTED:ip]
      [::2]:443                           | [[REDACTED:ip]]:443
      fe80::1%eth0                        | [REDACTED:ip]%eth0
      ::ffff:192.0.2.128                  | [REDACTED:ip]
      64:ff9b::192.0.2.33                 | [REDACTED:ip]
      1::                                 | [REDACTED:ip]
      FE80::0202:B3FF:FE1E:8329           | [REDACTED:ip]
      0:0:0:0:0:0:0:2                     | [REDACTED:ip]
      0:0:0:0:0:0:1:0                     | [REDACTED:ip]
      ::1:1                               | [REDACTED:ip]
      cafe::1 and fe80::a                 | [REDACTED:ip] and [REDACTED:ip]
      ab:cd::ef                           | [REDACTED:ip]
      ::beef:cafe:1                       | [REDACTED:ip]
      from 0:0:0:0:0:0:10.0.0.1 on        | from [REDACTED:ip] on
      peers:\\n10.1.2.3\\n10.1.2.4        | peers:\\n[REDACTED:ip]\\n[REDACTED:ip]
      refused: localhost/10.1.2.3         | refused: localhost/[REDACTED:ip]
      db.example.com/10.1.2.3:5432        | db.example.com/[REDACTED:ip]:5432
      Kafka/10.1.2.3:9092                 | Kafka/[REDACTED:ip]:9092
      from DESKTOP-7Q2/192.168.1.5        | from DESKTOP-7Q2/[REDACTED:ip]
      GET /clients/Ban/203.0.113.9        | GET /clients/Ban/[REDACTED:ip]
      ip 255.255.255.1 and 255.0.255.0    | ip [REDACTED:ip] and [REDACTED:ip]
      inet 10.1.2.3  netmask 255.255.255.0 | inet [REDACTED:ip]  netmask 255.255.255.0
      """)
  void addressesAreMasked(String text, String expected) {
    assertEquals(expected, redactor.redact(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      octet too big 256.1.1.1
      leading zero 01.2.3.4
      three parts 1.2.3
      five parts 1.2.3.4.5
      version 1.2.3.4
      release 10.0.0.1 is out
      snapshot 1.2.3.4-SNAPSHOT
      final 5.6.7.8.Final
      v1.2.3.4
      at 10:15:32 on host:8080
      time 2024-01-15T10:15:32.123Z
      mac 00:1a:2b:3c:4d:5e
      two compressions 1::2::3
      nine groups 1:2:3:4:5:6:7:8:9
      group too long 12345::1
      C++ std::vector and Foo::bar and ::
      assertion failed in db::add at store.cc:123
      dead::beef cache::add db::fe
      Rust crate::de and a::b::c and ::abc
      dead:beef
      uuid 123e4567-e89b-12d3-a456-426614174000
      listening on 0.0.0.0:8080
      connected to 127.0.0.1 and 127.1.2.3
      broadcast 255.255.255.255.
      net 10.0.0.0/8 and 192.168.0.0/16
      loopback [::1]:443
      loopback as Java writes it 0:0:0:0:0:0:0:1 and 0::1 and 0:0:0:0:0:0:0:0
      a /8 network 1.0.0.0 and 119.0.0.0
      Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36
      Edg/131.0.0.0 and OPR/105.0.0.0
      UA: MyApp/5.12.0.3 (iPhone; iOS 17.1)
      Server: Apache/2.4.57.1
      okhttp/4.12.0 MyApp-Android/5.12.0.3
      inet6 fe80  netmask 255.255.255.0  broadcast
      Mask:255.255.0.0 and mask 255.255.255.192 and 255.255.240.0
      """)
  void otherShapesStay(String text) {
    assertEquals(text, redactor.redact(text));
  }
}

package dev.piiwarden.core.redaction;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Seeded generators of labelled log lines: personal data of every detected format in varied
 * surrounding text, and hard negatives that look like it but are not. Public, and shipped in core's
 * test jar, for the benchmarks that measure other redaction tools on the same corpus.
 */
public final class CorpusGenerator {
  /** A line and the personal value it holds ({@code value} is null for a negative). */
  public record Sample(String type, String value, String line) {}

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String ALNUM = LETTERS + "0123456789";
  private static final String HEX = "0123456789abcdef";
  private static final List<String> TLDS =
      List.of("com", "org", "net", "de", "fr", "io", "co.uk", "museum", "technology", "xn--p1ai");
  private static final List<String> SURROUNDINGS = List.of(
      "INFO  c.a.UserService - registered %s",
      "WARN [http-nio-8080-exec-3] c.a.Checkout - payment failed for %s, retrying",
      "%s",
      "request body: {\"user\":\"u-42\",\"value\":\"%s\"}",
      "DEBUG value=<%s> at step 3",
      "Exception: could not process '%s' (attempt 2 of 5)",
      "2024-01-15T10:15:32.123Z ERROR lookup of (%s) took 17ms",
      "audit: changed from %s; by support-agent-7");

  private final Random random;

  /** A generator whose lines depend only on {@code seed}. */
  public CorpusGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A line holding one value of {@code type}, a {@link PiiType#key()}. */
  public Sample positive(String type) {
    switch (type) {
      case "email":
        return random.nextInt(6) == 0 ? query(type, email()) : embed(type, email());
      case "phone":
        return random.nextInt(6) == 0 ? query(type, phone().value().replace("(", "").replace(")", "")) : phone();
      case "card":
        return random.nextInt(6) == 0 ? query(type, card())
            : random.nextInt(5) == 0 ? beside(type, card()) : embed(type, card());
      case "iban":
        return random.nextInt(6) == 0 ? query(type, iban()) : embed(type, iban());
      case "ip":
        return embed(type, random.nextBoolean() ? ipv4() : ipv6());
      case "ssn":
        return ssn();
      case "credential":
        return credential();
      default:
        throw new IllegalArgumentException(type);
    }
  }

  /** A value beside a small number, as a quantity, row or counter is logged next to it. */
  private Sample beside(String type, String value) {
    int small = 1 + random.nextInt(99);
    return new Sample(type, value, random.nextBoolean()
        ? pick(List.of("qty ", "row ", "item #", "retry ")) + small + " " + value + " captured"
        : "charged " + value + " " + small + pick(List.of(" items", " times", "x", " of 3")));
  }

  private Sample embed(String type, String value) {
    return new Sample(type, value, String.format(Locale.ROOT, pick(SURROUNDINGS), value));
  }

  /**
   * A value in a request's query string as an access log writes it, form-encoded: {@code @} as
   * {@code %40}, {@code +} as {@code %2B}, a space as {@code +} (a phone number's parentheses, which
   * would be {@code %28} and {@code %29}, left out by the caller).
   */
  private Sample query(String type, String value) {
    String encoded = value.replace("@", "%40").replace("+", "%2B").replace(' ', '+');
    // a national number is a phone's only after a context word, here the parameter's name
    String key = type.equals("phone") ? pick(List.of("phone", "tel", "mobile")) : pick(List.of("q", "to", "value"));
    return new Sample(type, encoded, "127.0.0.1 - - [24/Nov/2026:09:12:01 +0000] \"GET /api/" + word(5) + "?"
        + key + "=" + encoded + "&page=" + random.nextInt(9)
        + " HTTP/1.1\" 200 " + random.nextInt(5000));
  }

  private String email() {
    StringBuilder local = new StringBuilder(word(1 + random.nextInt(10)));
    if (random.nextInt(3) == 0) {
      local.append(pick(List.of(".", "_", "-", "+"))).append(word(1 + random.nextInt(6)));
    }
    if (random.nextInt(4) == 0) {
      local.append(random.nextInt(100));
    }
    StringBuilder domain = new StringBuilder(word(2 + random.nextInt(10)));
    if (random.nextInt(3) == 0) {
      domain.insert(0, word(1 + random.nextInt(5)) + ".");
    }
    if (random.nextInt(5) == 0) {
      domain.append('-').append(word(3));
    }
    String address = local + "@" + domain + "." + pick(TLDS);
    return random.nextInt(5) == 0 ? address.toUpperCase(Locale.ROOT) : address;
  }

  private Sample phone() {
    if (random.nextBoolean()) {
      // country code 1 is North America's, which gives every number ten digits
      String country = String.valueOf(1 + random.nextInt(98));
      boolean northAmerican = country.charAt(0) == '1';
      int rest = 8 + random.nextInt(15 - 8 + 1) - country.length();
      String digits = northAmerican
          ? (2 + random.nextInt(8)) + digits(9)
          : digits(Math.max(rest, 6));
      country = northAmerican ? "1" : country;
      String separator = pick(List.of("", " ", "-", "."));
      StringBuilder number = new StringBuilder("+").append(country).append(separator.isEmpty() ? "" : " ");
      for (int i = 0; i < digits.length(); i++) {
        if (i > 0 && i % 3 == 0 && !separator.isEmpty()) {
          number.append(separator);
        }
        number.append(digits.charAt(i));
      }
      return embed("phone", number.toString());
    }
    String area = String.valueOf(200 + random.nextInt(800));
    String number = pick(List.of(
        "(" + area + ") " + digits(3) + "-" + digits(4),
        area + "-" + digits(3) + "-" + digits(4),
        area + "." + digits(3) + "." + digits(4),
        "0" + digits(2) + " " + digits(7),
        "0" + digits(3) + "/" + digits(8),
        "1-800-" + digits(3) + "-" + digits(4)));
    String context = pick(List.of("Tel: ", "phone ", "call me at ", "Mobile: ", "fax ", "SMS to ",
        "cell: ", "customer phone number is "));
    return new Sample("phone", number, "INFO contact " + context + number + " (preferred)");
  }

  private String card() {
    String[] prefixes = {"4", "51", "55", "2221", "2720", "34", "37", "6011", "65", "3530", "62", "36"};
    String prefix = pick(List.of(prefixes));
    int length = prefix.startsWith("3") && (prefix.equals("34") || prefix.equals("37")) ? 15
        : prefix.equals("36") ? 14 : 16;
    String body = prefix + digits(length - prefix.length() - 1);
    String number = body + luhnDigit(body);
    switch (random.nextInt(3)) {
      case 0:
        return number;
      case 1:
        return group(number, length == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4}, " ");
      default:
        return group(number, length == 15 ? new int[] {4, 6, 5} : new int[] {4, 4, 4, 4}, "-");
    }
  }

  private String iban() {
    String[][] countries = {{"DE", "18"}, {"FR", "23"}, {"GB", "18"}, {"NL", "14"}, {"ES", "20"},
        {"IT", "23"}, {"CH", "17"}, {"BE", "12"}, {"AT", "16"}, {"PL", "24"}, {"NO", "11"}};
    String[] country = countries[random.nextInt(countries.length)];
    String bban = country[0].equals("GB") || country[0].equals("NL")
        ? word(4).toUpperCase(Locale.ROOT) + digits(Integer.parseInt(country[1]) - 4)
        : digits(Integer.parseInt(country[1]));
    int check = 98 - mod97(bban + country[0] + "00");
    String iban = country[0] + (check < 10 ? "0" : "") + check + bban;
    if (random.nextInt(8) == 0) {
      iban = iban.toLowerCase(Locale.ROOT); // as typed into a form
    }
    if (random.nextBoolean()) {
      return iban;
    }
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < iban.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        grouped.append(' ');
      }
      grouped.append(iban.charAt(i));
    }
    return grouped.toString();
  }

  /** A host's address: loopback ({@code 127.x.x.x}) stands for no one, so the first octet is never 127. */
  private String ipv4() {
    int first = 1 + random.nextInt(253);
    return (first < 127 ? first : first + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
        + random.nextInt(256);
  }

  private String ipv6() {
    StringBuilder address = new StringBuilder();
    switch (random.nextInt(4)) {
      case 0:
        for (int i = 0; i < 8; i++) {
          address.append(i > 0 ? ":" : "").append(hex(1 + random.nextInt(4)));
        }
        return address.toString();
      case 1:
        return "2001:db8:" + hex(4) + "::" + hex(1 + random.nextInt(4));
      case 2:
        return "fe80::" + hex(4) + ":" + hex(4) + ":" + hex(4) + ":" + hex(4);
      default:
        return "::ffff:" + ipv4();
    }
  }

  private Sample ssn() {
    int area;
    do {
      area = 1 + random.nextInt(899);
    } while (area == 666);
    String value = String.format(Locale.ROOT, "%03d%s%02d%s%04d", area, "-",
        1 + random.nextInt(99), "-", 1 + random.nextInt(9999));
    switch (random.nextInt(3)) {
      case 0:
        return random.nextInt(4) == 0 ? beside("ssn", value) : embed("ssn", value);
      case 1:
        // spaced, an SSN only after a context word
        String spaced = value.replace('-', ' ');
        return new Sample("ssn", spaced, pick(List.of("ssn ", "SSN: ", "social security no "))
            + spaced + " on file");
      default:
        String bare = value.replace("-", "");
        return new Sample("ssn", bare, "customer SSN: " + bare + " verified");
    }
  }

  private Sample credential() {
    String value = secret();
    String key = pick(List.of("password", "passwd", "pwd", "secret", "token", "api_key", "apikey",
        "access_key", "client_secret", "PASSWORD", "db_password", "userPassword", "accessToken",
        "clientSecret", "X-Api-Key".equals("") ? "" : "api_key"));
    switch (random.nextInt(7)) {
      case 6:
        return new Sample("credential", value, "connecting to jdbc:postgresql://" + word(5) + ":"
            + value + "@db-" + random.nextInt(9) + ".example.com:5432/app");
      case 0:
        return new Sample("credential", value, "connect " + key + "=" + value + " user=bob");
      case 1:
        return new Sample("credential", value, key + ": " + value);
      case 2:
        return new Sample("credential", value, "{\"" + key + "\":\"" + value + "\",\"id\":7}");
      case 3:
        return new Sample("credential", value, "{\"" + key + "\": \"" + value + "\"}");
      case 4:
        return new Sample("credential", value, "GET /x Authorization: Bearer " + value + " 200");
      default:
        return new Sample("credential", value, "Authorization: Basic " + value);
    }
  }

  private String secret() {
    String chars = ALNUM + "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~";
    StringBuilder secret = new StringBuilder();
    int length = 8 + random.nextInt(40);
    for (int i = 0; i < length; i++) {
      secret.append(chars.charAt(random.nextInt(chars.length())));
    }
    return secret.toString();
  }

  /** A line holding one or two hard negatives and nothing personal. */
  public String negative() {
    String first = hardNegative();
    return random.nextBoolean() ? first : first + " | " + hardNegative();
  }

  private String hardNegative() {
    switch (random.nextInt(23)) {
      case 22:
        // Datadog's log injection: 63-bit decimal ids, one in ten passing Luhn
        return pick(List.of("INFO [orders,dd.trace_id=%d dd.span_id=%d] c.a.OrderService : order created",
            "{\"dd.trace_id\":\"%d\",\"dd.span_id\":\"%d\",\"level\":\"INFO\"}",
            "traceId=%d spanId=%d")).formatted(random.nextLong() >>> 1, random.nextLong() >>> 1);
      case 20:
        return userAgent();
      case 21:
        return pick(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "::1")) + " - - [24/Nov/2026:09:"
            + (10 + random.nextInt(50)) + ":" + (10 + random.nextInt(50)) + " +0000] \"GET /health HTTP/1.1\" 200 "
            + random.nextInt(100) + " " + random.nextInt(50) + " ms";
      case 0:
        return "request " + java.util.UUID.nameUUIDFromBytes(digits(8).getBytes()) + " done";
      case 1:
        return "sha256 " + hex(64) + " md5 " + hex(32) + " commit " + hex(40);
      case 2:
        return String.format(Locale.ROOT, "2024-%02d-%02dT%02d:%02d:%02d.%03dZ INFO started",
            1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60),
            random.nextInt(60), random.nextInt(1000));
      case 3:
        return "ts=" + (1_600_000_000_000L + (long) (random.nextDouble() * 200_000_000_000L))
            + " micros=" + (1_600_000_000_000_000L + (long) (random.nextDouble() * 1e14))
            + " epoch=" + (1_600_000_000 + random.nextInt(200_000_000));
      case 4:
        return pick(List.of("version ", "release ", "build ", "Version: ", "UA: MyApp/", "Server: Apache/"))
            + (1 + random.nextInt(20))
            + "." + random.nextInt(20) + "." + random.nextInt(20) + "." + random.nextInt(200);
      case 5:
        return "artifact piiwarden-" + random.nextInt(10) + "." + random.nextInt(10) + "."
            + random.nextInt(10) + "." + random.nextInt(10)
            + pick(List.of("-SNAPSHOT", ".Final", ".RELEASE", "-rc1")) + ".jar";
      case 6:
        return random.nextBoolean() ? "order " + luhnFailing() + " reference"
            : "row " + (1 + random.nextInt(99)) + " " + luhnFailing() + " " + random.nextInt(10) + " items";
      case 7:
        return "java.lang.Object@" + Integer.toHexString(random.nextInt())
            + " com.acme." + capitalised() + "@" + Integer.toHexString(random.nextInt());
      case 8:
        return "\tat com.acme." + word(5) + "." + capitalised() + "." + word(6) + "("
            + capitalised() + ".java:" + (1 + random.nextInt(2000)) + ")";
      case 9:
        return String.format(Locale.ROOT, "total $%,d.%02d (EUR %d,%02d)",
            random.nextInt(10_000_000), random.nextInt(100), random.nextInt(10_000), random.nextInt(100));
      case 10:
        return "connecting to " + word(6) + ":" + (1024 + random.nextInt(60000)) + " and localhost:8080";
      case 11:
        return "took " + pick(List.of("PT" + random.nextInt(60) + "S", random.nextInt(5000) + "ms",
            random.nextInt(100) + "." + random.nextInt(10) + "s", random.nextInt(5) + "h" + random.nextInt(60) + "m",
            random.nextInt(24) + ":" + random.nextInt(60) + ":" + random.nextInt(60)));
      case 12:
        return "GET /api/v1/orders/" + random.nextInt(1_000_000) + " 200 " + random.nextInt(900) + "ms";
      case 13:
        return "mac " + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2) + ":" + hex(2);
      case 14:
        return "the password was reset; token expired; secret rotation scheduled";
      case 15:
        return "id " + digits(9) + " batch " + digits(10) + " count " + random.nextInt(1000);
      case 16:
        return random.nextBoolean()
            ? "date 2024-" + (10 + random.nextInt(3)) + "-" + (10 + random.nextInt(18))
                + " phone count " + random.nextInt(100)
            : pick(List.of("call took " + digits(7) + " ms", "sms batch sent " + digits(7) + " messages",
                "mobile app build " + digits(10) + " uploaded",
                "phone verified on 11/" + (10 + random.nextInt(18)) + "/2026 10:11",
                "ifconfig eth0 netmask 255.255." + pick(List.of("255.0", "240.0", "0.0", "255.192"))));
      case 17:
        return "thread pool-" + random.nextInt(9) + "-thread-" + random.nextInt(99) + " heap "
            + random.nextInt(4096) + "MB " + random.nextInt(100) + "%";
      case 18:
        return "std::vector<int> and Foo::bar and String::valueOf and 0x" + hex(8);
      default:
        return "@Override @" + capitalised() + " tz +01:00 offset +0530";
    }
  }

  /** A browser's user agent as access logs write it: the Chromium family's carry {@code N.0.0.0}. */
  private String userAgent() {
    int major = 100 + random.nextInt(40);
    String platform = pick(List.of("Windows NT 10.0; Win64; x64", "X11; Linux x86_64",
        "Macintosh; Intel Mac OS X 10_15_7", "Linux; Android 10; K"));
    switch (random.nextInt(4)) {
      case 0:
        return "\"Mozilla/5.0 (" + platform + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major
            + ".0.0.0 Safari/537.36\"";
      case 1:
        return "agent=Mozilla/5.0 (" + platform + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major
            + ".0.0.0 Safari/537.36 Edg/" + major + ".0.0.0";
      case 2:
        return "Mozilla/5.0 (" + platform + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + major
            + ".0.0.0 Mobile Safari/537.36 OPR/" + (major - 15) + ".0.0.0";
      default:
        return "Mozilla/5.0 (" + platform + "; rv:" + (major + 10) + ".0) Gecko/20100101 Firefox/" + (major + 10)
            + ".0";
    }
  }

  private String luhnFailing() {
    String body = pick(List.of("4", "5", "3", "6")) + digits(14);
    int check = (Integer.parseInt(luhnDigit(body)) + 1 + random.nextInt(9)) % 10;
    String number = body + check;
    return random.nextBoolean() ? number : group(number, new int[] {4, 4, 4, 4}, " ");
  }

  private static String luhnDigit(String body) {
    int sum = 0;
    boolean doubled = true;
    for (int i = body.length() - 1; i >= 0; i--) {
      int d = body.charAt(i) - '0';
      if (doubled) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubled = !doubled;
    }
    return String.valueOf((10 - sum % 10) % 10);
  }

  private static int mod97(String rearranged) {
    int remainder = 0;
    for (char c : rearranged.toCharArray()) {
      remainder = Character.isDigit(c)
          ? (remainder * 10 + (c - '0')) % 97
          : (remainder * 100 + (c - 'A' + 10)) % 97;
    }
    return remainder;
  }

  private static String group(String number, int[] sizes, String separator) {
    StringBuilder grouped = new StringBuilder();
    int at = 0;
    for (int size : sizes) {
      if (at > 0) {
        grouped.append(separator);
      }
      grouped.append(number, at, Math.min(number.length(), at + size));
      at += size;
    }
    return grouped.toString();
  }

  private String word(int length) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < length; i++) {
      word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return word.toString();
  }

  private String capitalised() {
    String word = word(3 + random.nextInt(8));
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private String digits(int length) {
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  private String hex(int length) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < length; i++) {
      hex.append(HEX.charAt(random.nextInt(HEX.length())));
    }
    return hex.toString();
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }
}

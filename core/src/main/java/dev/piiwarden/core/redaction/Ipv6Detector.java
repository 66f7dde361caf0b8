package dev.piiwarden.core.redaction;

/**
 * IPv6 addresses (RFC 4291 text forms): eight groups of one to four hex digits, or fewer with one
 * {@code ::}, optionally ending in an embedded IPv4 quad ({@code ::ffff:192.0.2.1}). A lone {@code
 * ::} is not taken, nor the loopback {@code ::1} and the unspecified address in any of their forms
 * ({@code 0:0:0:0:0:0:0:1}), nor a shape touching further letters or digits (so clock times, MAC
 * addresses and {@code host:8080} are not addresses), nor a {@code ::} form of at most two groups
 * without a decimal digit ({@code db::add}, a scope in C++ or Rust). A zone ({@code %eth0}) or port after the
 * address stays.
 */
final class Ipv6Detector implements Detector {
  @Override
  public String type() {
    return PiiType.IP.key();
  }

  @Override
  public int triggers() {
    return DIGIT_RUN | WORD_START | COLON;
  }

  @Override
  public long detect(CharSequence text, int at, int hint) {
    int n = text.length();
    if (at > 0 && (text.charAt(at - 1) == '.' || text.charAt(at - 1) == ':')) {
      return NONE;
    }
    int i = at;
    int groups = 0;
    boolean compressed = false;
    int end = -1;
    if (text.charAt(i) == ':') {
      if (i + 1 >= n || text.charAt(i + 1) != ':') {
        return NONE;
      }
      compressed = true;
      i += 2;
      end = i;
    }
    while (true) {
      int start = i;
      while (i < n && i - start < 5 && CharClasses.is(text.charAt(i), CharClasses.HEX)) {
        i++;
      }
      int hex = i - start;
      if (hex == 0) {
        break;
      }
      if (i < n && text.charAt(i) == '.') {
        // an embedded IPv4 quad takes the place of the last two groups
        int quadEnd = Ipv4Detector.quadEnd(text, start);
        if (quadEnd < 0 || groups > 6) {
          return NONE;
        }
        groups += 2;
        end = quadEnd;
        i = quadEnd;
        break;
      }
      if (hex > 4) {
        return NONE;
      }
      groups++;
      end = i;
      if (groups > 8 || i + 1 >= n || text.charAt(i) != ':') {
        break;
      }
      if (text.charAt(i + 1) == ':') {
        if (compressed) {
          return NONE;
        }
        compressed = true;
        i += 2;
        end = i;
      } else if (CharClasses.is(text.charAt(i + 1), CharClasses.HEX)) {
        i++;
      } else {
        break;
      }
    }
    if (groups == 0 || groups > 8 || (compressed ? groups > 7 : groups != 8)) {
      return NONE;
    }
    if (end < n) {
      char next = text.charAt(end);
      if (CharClasses.isAlnum(next)
          || (next == '.' && end + 1 < n && CharClasses.isAlnum(text.charAt(end + 1)))
          || (next == ':' && end + 1 < n && text.charAt(end + 1) == ':')) {
        return NONE;
      }
    }
    if (loopbackOrUnspecified(text, at, end)
        || (compressed && groups <= 2 && !digitIn(text, at, end))) {
      return NONE;
    }
    return Detector.match(at, end);
  }

  /**
   * Whether {@code [at, end)} holds a decimal digit. A {@code ::} form of at most two groups
   * without one is a scope in C++ or Rust ({@code db::add}, {@code cache::add}, {@code dead::beef}),
   * not an address.
   */
  private static boolean digitIn(CharSequence text, int at, int end) {
    for (int i = at; i < end; i++) {
      if (CharClasses.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code [at, end)} is the loopback address or the unspecified one, which stand for no
   * one, in any of their forms: {@code ::1}, {@code 0:0:0:0:0:0:0:1} (as Java's {@code
   * getHostAddress} writes it, and so servlet containers' access logs), {@code 0::1}, {@code
   * 0:0:0:0:0:0:0:0}. Every group but the last is zero, and the last is 0 or 1.
   */
  private static boolean loopbackOrUnspecified(CharSequence text, int at, int end) {
    int group = 0;
    for (int i = at; i < end; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        if (group != 0) {
          return false;
        }
      } else if (c == '.') {
        return false;
      } else {
        group = group * 16 + Character.digit(c, 16);
      }
    }
    return group <= 1;
  }
}

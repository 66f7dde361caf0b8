package dev.piiwarden.core.redaction;

/**
 * IPv6 addresses (RFC 4291 text forms): eight groups of one to four hex digits, or fewer with one
 * {@code ::}, optionally ending in an embedded IPv4 quad ({@code ::ffff:192.0.2.1}). A lone {@code
 * ::} is not taken, nor the loopback {@code ::1}, nor a shape touching further letters or digits (so clock times, MAC addresses
 * and {@code host:8080} are not addresses). A zone ({@code %eth0}) or port after the address stays.
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
    if (end - at == 3 && text.charAt(at) == ':' && text.charAt(at + 1) == ':' && text.charAt(at + 2) == '1') {
      return NONE; // the loopback address, ::1, stands for no one
    }
    return Detector.match(at, end);
  }
}

package dev.piiwarden.core.redaction;

import java.util.List;

/**
 * IPv4 addresses in dotted-quad form: four decimal octets of at most 255, without leading zeros.
 *
 * <p>A version string has the same shape, so a quad is not an address when it is part of a longer
 * dotted run ({@code 1.2.3.4.5}), carries a suffix such as {@code 1.2.3.4-SNAPSHOT}, or follows a
 * version word ({@code version 1.2.3.4}, {@code build 10.0.0.1}) within a few characters. A bare
 * {@code 1.2.3.4} is an address. Addresses that stand for no one are left: {@code 0.0.0.0},
 * loopback ({@code 127.0.0.1}), {@code 255.255.255.255}, a network with its prefix ({@code
 * 10.0.0.0/8}), and a quad whose last three octets are zero ({@code 119.0.0.0}): the network of a
 * {@code /8}, never one machine's address, and the version every browser of the Chromium family
 * now puts in its user agent ({@code Chrome/119.0.0.0}), which access logs and request logs carry.
 */
final class Ipv4Detector implements Detector {
  private static final ContextWords VERSION_WORDS =
      new ContextWords(12, List.of("version", "ver", "release", "build", "revision", "rev"));
  /** The longest product name looked back over before a version: {@code MyApp/}. */
  private static final int MAX_PRODUCT_NAME = 32;

  @Override
  public String type() {
    return PiiType.IP.key();
  }

  @Override
  public int triggers() {
    return DIGIT_RUN;
  }

  @Override
  public long detect(CharSequence text, int at, int hint) {
    if (at > 0 && text.charAt(at - 1) == '.') {
      return NONE;
    }
    int end = quadEnd(text, at);
    if (end < 0) {
      return NONE;
    }
    int n = text.length();
    if (end < n) {
      char next = text.charAt(end);
      if (CharClasses.isAlnum(next)) {
        return NONE;
      }
      if ((next == '.' || next == '-')
          && end + 1 < n && CharClasses.isAlnum(text.charAt(end + 1))) {
        return NONE;
      }
    }
    if (VERSION_WORDS.precede(text, at) || productVersion(text, at, end) || !host(text, at, end)) {
      return NONE;
    }
    return Detector.match(at, end);
  }

  /**
   * Whether the quad {@code [at, end)} can be one machine's address: not {@code 0.0.0.0}, a
   * loopback address ({@code 127.0.0.0/8}) or {@code 255.255.255.255}, none of which says who is
   * on the other end, nor a {@code /8}'s network address ({@code 119.0.0.0}), nor a network
   * written with its prefix, {@code 10.0.0.0/8} (the address's bits past the prefix all zero).
   */
  private static boolean host(CharSequence text, int at, int end) {
    long address = 0;
    int octet = 0;
    for (int i = at; i < end; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        address = (address << 8) | octet;
        octet = 0;
      } else {
        octet = octet * 10 + (c - '0');
      }
    }
    address = (address << 8) | octet;
    if ((address & 0xFFFFFF) == 0 || (address >>> 24) == 127 || address == 0xFFFFFFFFL
        || contiguousMask(address)) {
      return false;
    }
    int n = text.length();
    if (end + 1 >= n || text.charAt(end) != '/' || !CharClasses.isDigit(text.charAt(end + 1))) {
      return true;
    }
    int prefix = text.charAt(end + 1) - '0';
    int after = end + 2;
    if (after < n && CharClasses.isDigit(text.charAt(after))) {
      prefix = prefix * 10 + (text.charAt(after) - '0');
      after++;
    }
    boolean network = prefix < 32 && (after >= n || !CharClasses.isAlnum(text.charAt(after)))
        && (address & (0xFFFFFFFFL >>> prefix)) == 0;
    return !network;
  }

  /**
   * Whether the address is a netmask's shape, ones then zeros ({@code 255.255.255.0}, {@code
   * 255.255.240.0}): every such quad not already a {@code /8}'s network lies in {@code
   * 240.0.0.0/4}, reserved and no machine's, and it is what ifconfig, DHCP and network
   * configuration print next to an address.
   */
  private static boolean contiguousMask(long address) {
    long zeros = ~address & 0xFFFFFFFFL;
    return (zeros & (zeros + 1)) == 0;
  }

  /**
   * Whether the quad {@code [at, end)} is the version of a product token ({@code MyApp/5.12.0.3},
   * {@code Apache/2.4.57.1}, as user agents and {@code Server} headers write them): right after
   * {@code Name/}, a name that starts a word with a capital and has a small letter, and no port
   * after it. A host name before a {@code /} (Java's {@code db.example.com/10.1.2.3:5432}) is in
   * small letters, has dots or a port follows; a Windows host's ({@code DESKTOP-7Q2/10.1.2.3}) is in
   * capitals.
   */
  private static boolean productVersion(CharSequence text, int at, int end) {
    if (at < 2 || text.charAt(at - 1) != '/') {
      return false;
    }
    int n = text.length();
    if (end + 1 < n && text.charAt(end) == ':' && CharClasses.isDigit(text.charAt(end + 1))) {
      return false;
    }
    int start = at - 1;
    boolean small = false;
    while (start > 0 && at - start <= MAX_PRODUCT_NAME && productNameChar(text.charAt(start - 1))) {
      start--;
      char c = text.charAt(start);
      small |= c >= 'a' && c <= 'z';
    }
    char first = text.charAt(start);
    return start < at - 1 && small && first >= 'A' && first <= 'Z'
        && (start == 0 || !productNameChar(text.charAt(start - 1)) && text.charAt(start - 1) != '/'
            && text.charAt(start - 1) != '.');
  }

  private static boolean productNameChar(char c) {
    return CharClasses.isAlnum(c) || c == '-' || c == '_';
  }

  /**
   * The end of a dotted quad starting at {@code at}, or -1. Only the quad's own characters are
   * checked, not what follows it.
   */
  static int quadEnd(CharSequence text, int at) {
    int n = text.length();
    int i = at;
    for (int octet = 0; octet < 4; octet++) {
      if (octet > 0) {
        if (i >= n || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
      int start = i;
      int value = 0;
      while (i < n && i - start < 4 && CharClasses.isDigit(text.charAt(i))) {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return -1;
      }
    }
    return i;
  }
}

package dev.piiwarden.core.redaction;

/**
 * The one text form of an IPv6 address (RFC 5952: lower-case hex groups without leading zeros, the
 * longest run of two or more zero groups, the first of equal ones, written {@code ::}), so that
 * {@code 2001:0db8:0:0::1} and {@code 2001:db8::1} give one hash token. An embedded IPv4 tail
 * ({@code ::ffff:192.0.2.1}) becomes its two hex groups.
 */
final class Ipv6Text {
  private static final int GROUPS = 8;

  private Ipv6Text() {}

  /** The canonical form of {@code address}, lower-case; {@code address} itself if it is no IPv6. */
  static String canonical(String address) {
    int[] groups = parse(address);
    return groups == null ? address : format(groups);
  }

  private static int[] parse(String address) {
    int gap = address.indexOf("::");
    if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = gap < 0 ? groups(address) : groups(address.substring(0, gap));
    int[] tail = gap < 0 ? new int[0] : groups(address.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int given = head.length + tail.length;
    if (gap < 0 ? given != GROUPS : given > GROUPS - 1) {
      return null;
    }
    int[] all = new int[GROUPS];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, GROUPS - tail.length, tail.length);
    return all;
  }

  /** The 16-bit groups of a colon-separated part, an IPv4 tail as two; null when malformed. */
  private static int[] groups(String part) {
    if (part.isEmpty()) {
      return new int[0];
    }
    String[] pieces = part.split(":", -1);
    boolean ipv4Tail = pieces[pieces.length - 1].indexOf('.') >= 0;
    int[] groups = new int[pieces.length + (ipv4Tail ? 1 : 0)];
    for (int i = 0; i < pieces.length; i++) {
      String piece = pieces[i];
      if (ipv4Tail && i == pieces.length - 1) {
        long v4 = ipv4(piece);
        if (v4 < 0) {
          return null;
        }
        groups[i] = (int) (v4 >> 16);
        groups[i + 1] = (int) (v4 & 0xFFFF);
      } else {
        if (piece.isEmpty() || piece.length() > 4 || !all(piece, 16)) {
          return null;
        }
        groups[i] = Integer.parseInt(piece, 16);
      }
    }
    return groups;
  }

  private static long ipv4(String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      return -1;
    }
    long value = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !all(octet, 10)) {
        return -1;
      }
      int n = Integer.parseInt(octet);
      if (n > 255) {
        return -1;
      }
      value = value << 8 | n;
    }
    return value;
  }

  /** Whether every character of {@code text} is a digit of {@code radix} (no sign). */
  private static boolean all(String text, int radix) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), radix) < 0 || text.charAt(i) > 'f') {
        return false;
      }
    }
    return true;
  }

  private static String format(int[] groups) {
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not compressed
    for (int i = 0; i < GROUPS; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < GROUPS && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder(39);
    for (int i = 0; i < GROUPS; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}

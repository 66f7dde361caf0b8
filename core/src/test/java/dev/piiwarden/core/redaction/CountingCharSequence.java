package dev.piiwarden.core.redaction;

/** A char sequence that counts the reads made through it: the scan's operation count. */
final class CountingCharSequence implements CharSequence {
  private final String text;
  private long reads;

  CountingCharSequence(String text) {
    this.text = text;
  }

  long reads() {
    return reads;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    reads++;
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    reads += end - start;
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    reads += text.length();
    return text;
  }
}

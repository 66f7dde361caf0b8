package dev.piiwarden.core.redaction;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A case-insensitive Aho-Corasick automaton over key names, built once as a full transition table
 * so that the scan advances it with one array read per character. Key names are ASCII letters,
 * digits, {@code _} and {@code -}; any other character returns the automaton to its start.
 */
final class KeyAutomaton {
  private static final int SYMBOLS = 38;
  /** The symbol of each ASCII character, case folded; -1 for characters not in key names. */
  private static final byte[] SYMBOL = symbols();

  private final int[] next;
  /** The length of the longest key ending in each state, or 0. */
  private final int[] keyLength;

  private KeyAutomaton(int[] next, int[] keyLength) {
    this.next = next;
    this.keyLength = keyLength;
  }

  /**
   * Builds the automaton.
   *
   * @throws IllegalArgumentException naming a key with characters other than ASCII letters,
   *     digits, {@code _} and {@code -}
   */
  static KeyAutomaton of(List<String> keys) {
    int capacity = 1;
    for (String key : keys) {
      capacity += key.length();
    }
    int[] next = new int[capacity * SYMBOLS];
    Arrays.fill(next, -1);
    int[] keyLength = new int[capacity];
    int[] fail = new int[capacity];
    int states = 1;
    for (String raw : keys) {
      String key = raw.strip().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        throw new IllegalArgumentException("A redaction key name is empty");
      }
      int state = 0;
      for (int i = 0; i < key.length(); i++) {
        int symbol = symbol(key.charAt(i));
        if (symbol < 0) {
          throw new IllegalArgumentException(
              "Redaction key name '" + raw + "' may hold only ASCII letters, digits, '_' and '-'");
        }
        if (next[state * SYMBOLS + symbol] < 0) {
          next[state * SYMBOLS + symbol] = states++;
        }
        state = next[state * SYMBOLS + symbol];
      }
      keyLength[state] = Math.max(keyLength[state], key.length());
    }
    // breadth first: failure links, inherited outputs, and the missing transitions filled in
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s = 0; s < SYMBOLS; s++) {
      int child = next[s];
      if (child < 0) {
        next[s] = 0;
      } else {
        fail[child] = 0;
        queue.add(child);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      keyLength[state] = Math.max(keyLength[state], keyLength[fail[state]]);
      for (int s = 0; s < SYMBOLS; s++) {
        int child = next[state * SYMBOLS + s];
        int fallback = next[fail[state] * SYMBOLS + s];
        if (child < 0) {
          next[state * SYMBOLS + s] = fallback;
        } else {
          fail[child] = fallback;
          queue.add(child);
        }
      }
    }
    return new KeyAutomaton(
        Arrays.copyOf(next, states * SYMBOLS), Arrays.copyOf(keyLength, states));
  }

  /** The state after reading {@code c} in {@code state}; 0 is the start. */
  int step(int state, char c) {
    int symbol = symbol(c);
    return symbol < 0 ? 0 : next[state * SYMBOLS + symbol];
  }

  /** The length of the longest key that ends in {@code state}, or 0. */
  int keyLength(int state) {
    return keyLength[state];
  }

  /** Whether some key is a suffix of {@code text} (read from the start state). */
  boolean endsWithKey(CharSequence text) {
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      state = step(state, text.charAt(i));
    }
    return keyLength(state) > 0;
  }

  private static int symbol(char c) {
    return c < 128 ? SYMBOL[c] : -1;
  }

  private static byte[] symbols() {
    byte[] symbols = new byte[128];
    Arrays.fill(symbols, (byte) -1);
    for (char c = 'a'; c <= 'z'; c++) {
      symbols[c] = (byte) (c - 'a');
      symbols[c - 32] = (byte) (c - 'a');
    }
    for (char c = '0'; c <= '9'; c++) {
      symbols[c] = (byte) (26 + c - '0');
    }
    symbols['_'] = 36;
    symbols['-'] = 37;
    return symbols;
  }
}

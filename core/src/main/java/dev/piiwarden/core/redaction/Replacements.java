package dev.piiwarden.core.redaction;

import java.util.Arrays;

/**
 * The matches one scan recorded, as parallel arrays, and their resolution into non-overlapping
 * replacements: sorted by start; overlapping matches merged into one that covers them all (so no
 * detected character survives), typed by the match that starts first, then the longest, then the
 * detector that comes first in {@link PiiType} order.
 */
final class Replacements {
  /** The first match, kept in fields: most scans that find something find one thing. */
  private int firstStart;
  private int firstEnd;
  private int firstType;
  /** All matches once there is a second one, else null. */
  private int[] starts;
  private int[] ends;
  private int[] types;
  private int size;

  void add(int start, int end, int type) {
    if (size == 0) {
      firstStart = start;
      firstEnd = end;
      firstType = type;
      size = 1;
      return;
    }
    if (starts == null) {
      starts = new int[8];
      ends = new int[8];
      types = new int[8];
      starts[0] = firstStart;
      ends[0] = firstEnd;
      types[0] = firstType;
    } else if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      types = Arrays.copyOf(types, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    types[size] = type;
    size++;
  }

  int size() {
    return size;
  }

  int start(int i) {
    return starts == null ? firstStart : starts[i];
  }

  int end(int i) {
    return ends == null ? firstEnd : ends[i];
  }

  int type(int i) {
    return types == null ? firstType : types[i];
  }

  /** Sorts and merges in place, in O(k log k) for k matches. */
  void resolve() {
    if (size == 1) {
      return; // one match: nothing to sort or merge (the common case of a log argument)
    }
    long[] order = new long[size];
    for (int i = 0; i < size; i++) {
      order[i] = ((long) starts[i] << 32) | i;
    }
    Arrays.sort(order);
    int[] mergedStarts = new int[size];
    int[] mergedEnds = new int[size];
    int[] mergedTypes = new int[size];
    int merged = -1;
    int typeLength = 0;
    for (long key : order) {
      int i = (int) key;
      int start = starts[i];
      int end = ends[i];
      int type = types[i];
      if (merged >= 0 && start < mergedEnds[merged]) {
        mergedEnds[merged] = Math.max(mergedEnds[merged], end);
        boolean sameStart = start == mergedStarts[merged];
        if (sameStart && (end - start > typeLength
            || (end - start == typeLength && type < mergedTypes[merged]))) {
          mergedTypes[merged] = type;
          typeLength = end - start;
        }
      } else {
        merged++;
        mergedStarts[merged] = start;
        mergedEnds[merged] = end;
        mergedTypes[merged] = type;
        typeLength = end - start;
      }
    }
    starts = mergedStarts;
    ends = mergedEnds;
    types = mergedTypes;
    size = merged + 1;
  }
}

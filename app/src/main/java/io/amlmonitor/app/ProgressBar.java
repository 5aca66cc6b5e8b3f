package io.amlmonitor.app;

/** Text for progress lines: a bar of a given width and an elapsed or remaining time. */
final class ProgressBar {
  private ProgressBar() {}

  /** {@code [#######.........] 42%}, or a bar of dots when the total is unknown. */
  static String of(long done, long total, int width) {
    StringBuilder b = new StringBuilder(width + 8).append('[');
    if (total <= 0) {
      b.append(".".repeat(width)).append("]     ");
      return b.toString();
    }
    double f = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(f * width);
    b.append("#".repeat(filled)).append(".".repeat(width - filled)).append(']');
    b.append(String.format(" %3d%%", Math.round(f * 100)));
    return b.toString();
  }

  /** {@code mm:ss}, or {@code h:mm:ss} from an hour. */
  static String clock(long seconds) {
    long s = Math.max(0, seconds);
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60);
  }
}

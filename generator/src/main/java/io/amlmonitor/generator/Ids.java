package io.amlmonitor.generator;

/**
 * Formats the generator's identifiers: customers {@code C000001}, merchants {@code M00001},
 * transactions {@code T000000001}, accounts at other institutions {@code X0000001}. Numbers wider
 * than the padding simply grow longer.
 */
final class Ids {
  private Ids() {}

  static String customer(int number) {
    return padded('C', number, 6);
  }

  static String merchant(int number) {
    return padded('M', number, 5);
  }

  static String transaction(long number) {
    return padded('T', number, 9);
  }

  static String external(int number) {
    return padded('X', number, 7);
  }

  private static String padded(char prefix, long number, int width) {
    String digits = Long.toString(number);
    StringBuilder id = new StringBuilder(width + 1).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }
}

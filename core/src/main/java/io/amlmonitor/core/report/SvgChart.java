package io.amlmonitor.core.report;

import static io.amlmonitor.core.report.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Bar charts as inline SVG, for a page that needs no script and no external file: each bar's length
 * is proportional to its value (the largest spans the plot), carries its value in {@code
 * data-value} and a {@code <title>} tooltip, and every text is escaped.
 *
 * <p>Implementation note: coordinates are written with {@link Locale#ROOT}, since a decimal comma
 * (pt-BR) would break the SVG; the values shown to the reader use the reader's notation.
 */
final class SvgChart {
  private static final int WIDTH = 720;
  private static final int LABEL_RIGHT = 222;
  private static final int BAR_LEFT = 230;
  private static final int BAR_MAX = 400;
  private static final int ROW = 24;
  private static final int BAR_THICKNESS = 16;
  private static final int LABEL_CHARS = 34;
  private static final int COLUMNS_HEIGHT = 260;
  private static final int PLOT_LEFT = 56;
  private static final int PLOT_RIGHT = 710;
  private static final int PLOT_TOP = 30;
  private static final int PLOT_BOTTOM = 220;
  private static final int MAX_AXIS_LABELS = 16;

  /** One series of a column chart: its name in the legend, its colour, a value per category. */
  record Series(String name, String color, List<Long> values) {
    Series {
      values = List.copyOf(values);
    }
  }

  private SvgChart() {}

  /**
   * Horizontal bars, one per tally, in the given order.
   *
   * @param names the label shown for a tally's name
   * @param colors the fill of a tally's bar
   * @return the {@code <svg>} element, or null when there is no tally above 0 (nothing to draw)
   */
  static String bars(
      String title,
      List<Tally> tallies,
      Function<String, String> names,
      Function<Tally, String> colors,
      ReportLabels l) {
    long max = tallies.stream().mapToLong(Tally::count).max().orElse(0);
    if (max == 0) {
      return null;
    }
    int height = 8 + tallies.size() * ROW;
    StringBuilder svg = open(title, height);
    for (int i = 0; i < tallies.size(); i++) {
      Tally t = tallies.get(i);
      String name = names.apply(t.name());
      double width = (double) t.count() / max * BAR_MAX;
      int y = 8 + i * ROW;
      svg.append("<text x=\"")
          .append(LABEL_RIGHT)
          .append("\" y=\"")
          .append(y + 12)
          .append("\" text-anchor=\"end\">")
          .append(escape(shortened(name)))
          .append("</text>");
      svg.append("<rect class=\"bar\" x=\"")
          .append(BAR_LEFT)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(number(width))
          .append("\" height=\"")
          .append(BAR_THICKNESS)
          .append("\" fill=\"")
          .append(escape(colors.apply(t)))
          .append("\" data-value=\"")
          .append(t.count())
          .append("\"><title>")
          .append(escape(name + ": " + l.count(t.count())))
          .append("</title></rect>");
      svg.append("<text x=\"")
          .append(number(BAR_LEFT + width + 6))
          .append("\" y=\"")
          .append(y + 12)
          .append("\">")
          .append(escape(l.count(t.count())))
          .append("</text>");
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Vertical columns: per category, one column of each series side by side.
   *
   * @param categories the full name of each category, shown in the tooltips
   * @param axisLabel the short label under a category on the axis
   * @return the {@code <svg>} element, or null when every value is 0 (nothing to draw)
   */
  static String columns(
      String title,
      List<String> categories,
      Function<String, String> axisLabel,
      List<Series> series,
      ReportLabels l) {
    long max = 0;
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new IllegalArgumentException(
            "series "
                + s.name()
                + " has "
                + s.values().size()
                + " values for "
                + categories.size());
      }
      max = Math.max(max, s.values().stream().mapToLong(Long::longValue).max().orElse(0));
    }
    if (max == 0) {
      return null;
    }
    StringBuilder svg = open(title, COLUMNS_HEIGHT);
    axes(svg, max, l);
    if (series.size() > 1) {
      legend(svg, series);
    }
    double band = (double) (PLOT_RIGHT - PLOT_LEFT) / categories.size();
    double columnWidth = band * 0.8 / series.size();
    int every = (categories.size() + MAX_AXIS_LABELS - 1) / MAX_AXIS_LABELS;
    for (int c = 0; c < categories.size(); c++) {
      double left = PLOT_LEFT + c * band + band * 0.1;
      for (int s = 0; s < series.size(); s++) {
        Series one = series.get(s);
        long value = one.values().get(c);
        double height = (double) value / max * (PLOT_BOTTOM - PLOT_TOP);
        svg.append("<rect class=\"bar\" x=\"")
            .append(number(left + s * columnWidth))
            .append("\" y=\"")
            .append(number(PLOT_BOTTOM - height))
            .append("\" width=\"")
            .append(number(columnWidth))
            .append("\" height=\"")
            .append(number(height))
            .append("\" fill=\"")
            .append(escape(one.color()))
            .append("\" data-value=\"")
            .append(value)
            .append("\"><title>")
            .append(escape(categories.get(c) + ", " + one.name() + ": " + l.count(value)))
            .append("</title></rect>");
      }
      if (c % every == 0) {
        svg.append("<text x=\"")
            .append(number(PLOT_LEFT + c * band + band / 2))
            .append("\" y=\"")
            .append(PLOT_BOTTOM + 16)
            .append("\" text-anchor=\"middle\">")
            .append(escape(axisLabel.apply(categories.get(c))))
            .append("</text>");
      }
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder open(String title, int height) {
    return new StringBuilder(4_096)
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-label=\"")
        .append(escape(title))
        .append("\" font-family=\"sans-serif\" font-size=\"12\"><title>")
        .append(escape(title))
        .append("</title>");
  }

  /** The base line, and the value axis with 0 and the maximum. */
  private static void axes(StringBuilder svg, long max, ReportLabels l) {
    svg.append("<line x1=\"")
        .append(PLOT_LEFT)
        .append("\" y1=\"")
        .append(PLOT_BOTTOM)
        .append("\" x2=\"")
        .append(PLOT_RIGHT)
        .append("\" y2=\"")
        .append(PLOT_BOTTOM)
        .append("\" stroke=\"#555\"/>")
        .append("<line x1=\"")
        .append(PLOT_LEFT)
        .append("\" y1=\"")
        .append(PLOT_TOP)
        .append("\" x2=\"")
        .append(PLOT_RIGHT)
        .append("\" y2=\"")
        .append(PLOT_TOP)
        .append("\" stroke=\"#ddd\"/>");
    axisValue(svg, PLOT_BOTTOM, l.count(0));
    axisValue(svg, PLOT_TOP, l.count(max));
  }

  private static void axisValue(StringBuilder svg, int y, String text) {
    svg.append("<text x=\"")
        .append(PLOT_LEFT - 6)
        .append("\" y=\"")
        .append(y + 4)
        .append("\" text-anchor=\"end\">")
        .append(escape(text))
        .append("</text>");
  }

  private static void legend(StringBuilder svg, List<Series> series) {
    int x = PLOT_LEFT;
    for (Series s : series) {
      svg.append("<rect x=\"")
          .append(x)
          .append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"")
          .append(escape(s.color()))
          .append("\"/><text x=\"")
          .append(x + 16)
          .append("\" y=\"16\">")
          .append(escape(s.name()))
          .append("</text>");
      x += 28 + 7 * s.name().length();
    }
  }

  private static String shortened(String label) {
    return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1) + "…";
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}

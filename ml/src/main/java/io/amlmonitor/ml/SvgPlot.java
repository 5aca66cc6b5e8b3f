package io.amlmonitor.ml;

import static io.amlmonitor.core.report.Html.escape;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the training report: curves on the unit square and horizontal bars. No
 * script, no external file.
 *
 * <p>Implementation note: coordinates are written with {@link Locale#ROOT}, since a decimal comma
 * (pt-BR) would break the SVG.
 */
final class SvgPlot {
  /** A polyline on the unit square. */
  record Line(String name, String color, boolean dashed, List<Ranking.Point> points) {}

  private static final int SIZE = 320;
  private static final int LEFT = 50;
  private static final int TOP = 16;
  private static final int BOTTOM = 46;

  private SvgPlot() {}

  /** Lines on [0, 1]², axes labelled, a legend below. */
  static String curves(String title, String xLabel, String yLabel, List<Line> lines) {
    int width = LEFT + SIZE + 20;
    int height = TOP + SIZE + BOTTOM + 18 * lines.size();
    StringBuilder s = new StringBuilder();
    s.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\"><title>%s</title>",
                width,
                height,
                width,
                height,
                escape(title)))
        .append('\n');
    for (int k = 0; k <= 5; k++) {
      double v = k / 5.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                  + "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.1f</text>"
                  + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.1f</text>\n",
              x(v),
              TOP,
              x(v),
              TOP + SIZE,
              LEFT,
              y(v),
              LEFT + SIZE,
              y(v),
              x(v),
              TOP + SIZE + 14,
              v,
              LEFT - 4,
              y(v) + 3,
              v));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>"
                + "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>"
                + "<text x=\"12\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 12 %.1f)\">%s</text>\n",
            LEFT,
            TOP,
            SIZE,
            SIZE,
            x(0.5),
            TOP + SIZE + 32,
            escape(xLabel),
            y(0.5),
            y(0.5),
            escape(yLabel)));
    int legend = TOP + SIZE + BOTTOM;
    for (Line line : lines) {
      s.append("<polyline fill=\"none\" stroke=\"")
          .append(line.color())
          .append("\" stroke-width=\"2\"")
          .append(line.dashed() ? " stroke-dasharray=\"5 4\"" : "")
          .append(" points=\"");
      for (Ranking.Point p : line.points()) {
        s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p.x()), y(p.y())));
      }
      s.append("\"><title>").append(escape(line.name())).append("</title></polyline>\n");
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>\n",
              LEFT,
              legend - 4,
              LEFT + 24,
              legend - 4,
              line.color(),
              line.dashed() ? " stroke-dasharray=\"5 4\"" : "",
              LEFT + 30,
              legend,
              escape(line.name())));
      legend += 18;
    }
    return s.append("</svg>").toString();
  }

  /** Horizontal bars, one per label, lengths proportional to the values, each value printed. */
  static String bars(String title, List<String> labels, double[] values, String format) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    int row = 20;
    int labelWidth = 260;
    int barMax = 360;
    int width = labelWidth + barMax + 90;
    int height = 8 + row * labels.size();
    StringBuilder s = new StringBuilder();
    s.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\"><title>%s</title>",
                width,
                height,
                width,
                height,
                escape(title)))
        .append('\n');
    for (int i = 0; i < labels.size(); i++) {
      double length = max > 0 ? values[i] / max * barMax : 0;
      int top = 4 + i * row;
      String value = String.format(Locale.ROOT, format, values[i]);
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>"
                  + "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"#3b6ea8\""
                  + " data-value=\"%s\"><title>%s: %s</title></rect>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%s</text>\n",
              labelWidth - 6,
              top + 11,
              escape(labels.get(i)),
              labelWidth,
              top,
              length,
              value,
              escape(labels.get(i)),
              value,
              labelWidth + length + 4,
              top + 11,
              value));
    }
    return s.append("</svg>").toString();
  }

  private static double x(double v) {
    return LEFT + v * SIZE;
  }

  private static double y(double v) {
    return TOP + (1 - v) * SIZE;
  }
}

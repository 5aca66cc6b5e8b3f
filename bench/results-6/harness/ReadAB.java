package ab;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Throw-away: ReadAB rounds dir... — alternates rounds of featuresFor reads of each version. */
public final class ReadAB {
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    int v = args.length - 1;
    Function<Integer, double[]>[] runs = new Function[v];
    for (int i = 0; i < v; i++) {
      File dir = new File(args[1 + i]);
      List<URL> urls = new ArrayList<>();
      urls.add(new File(dir, "rclasses/").toURI().toURL());
      urls.add(new File(dir, "benchmarks.jar").toURI().toURL());
      for (File f : new File(dir, "lib").listFiles()) {
        urls.add(f.toURI().toURL());
      }
      ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      runs[i] = (Function<Integer, double[]>) cl.loadClass("io.amlmonitor.bench.ReadRounds")
          .getConstructor(Integer.class).newInstance(100_000);
      System.gc();
    }
    String[] names = {"p50", "p90", "p99", "p99.9", "wall/read", "cpu/read"};
    double[][][] all = new double[v][rounds][];
    for (int r = 0; r < rounds + 2; r++) {
      for (int k = 0; k < v; k++) {
        int i = (r % 2 == 0) ? k : v - 1 - k;
        double[] x = runs[i].apply(r);
        if (r >= 2) {
          all[i][r - 2] = x;
        }
        System.out.printf("round %d %-16s p50 %6.0f p90 %6.0f p99 %6.0f p99.9 %7.0f wall/read %6.0f cpu/read %6.0f ns%n",
            r, args[1 + i], x[0], x[1], x[2], x[3], x[4], x[5]);
      }
    }
    for (int i = 0; i < v; i++) {
      StringBuilder sb = new StringBuilder(String.format("%-16s medians:", args[1 + i]));
      for (int m = 0; m < names.length; m++) {
        double[] col = new double[rounds];
        for (int r = 0; r < rounds; r++) col[r] = all[i][r][m];
        Arrays.sort(col);
        sb.append(String.format(" %s %.0f (%.0f-%.0f)", names[m], col[rounds / 2], col[0], col[rounds - 1]));
      }
      System.out.println(sb);
    }
  }
}

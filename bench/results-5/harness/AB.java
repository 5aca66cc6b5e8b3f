package ab;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Throw-away: AB days rounds n variant... where a variant is dir or dir@excludeRegex; alternates
 * rounds of each variant in one JVM.
 */
public final class AB {
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    double days = Double.parseDouble(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int n = Integer.parseInt(args[2]);
    int v = args.length - 3;
    Function<String, double[]>[] runs = new Function[v];
    String[] excl = new String[v];
    Map<String, Function<String, double[]>> byDir = new HashMap<>();
    for (int i = 0; i < v; i++) {
      String[] parts = args[3 + i].split("@", 2);
      excl[i] = parts.length > 1 ? parts[1] : "";
      File dir = new File(parts[0]);
      if (!byDir.containsKey(parts[0])) {
        List<URL> urls = new ArrayList<>();
        urls.add(new File("/tmp/harness/rclasses/").toURI().toURL());
        urls.add(new File(dir, "benchmarks.jar").toURI().toURL());
        for (File f : new File(dir, "lib").listFiles()) {
          urls.add(f.toURI().toURL());
        }
        ClassLoader cl = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        byDir.put(parts[0], (Function<String, double[]>) cl.loadClass("io.amlmonitor.bench.Rounds")
            .getConstructor(double.class, int.class).newInstance(days, n));
      }
      runs[i] = byDir.get(parts[0]);
    }
    double[][] wall = new double[v][rounds];
    double[][] cpu = new double[v][rounds];
    for (int r = 0; r < rounds + 1; r++) {
      for (int k = 0; k < v; k++) {
        int i = (r % 2 == 0) ? k : v - 1 - k;
        double[] x = runs[i].apply(excl[i]);
        if (r > 0) {
          wall[i][r - 1] = x[0];
          cpu[i][r - 1] = x[1];
        }
        System.out.printf("round %d %s wall %,.0f cpu %,.0f%n", r, args[3 + i], x[0], x[1]);
      }
    }
    for (int i = 0; i < v; i++) {
      System.out.printf("%-40s wall median %,9.0f max %,9.0f | cpu median %,9.0f max %,9.0f%n", args[3 + i],
          med(wall[i]), Arrays.stream(wall[i]).max().getAsDouble(), med(cpu[i]), Arrays.stream(cpu[i]).max().getAsDouble());
    }
  }

  static double med(double[] a) {
    double[] b = a.clone();
    Arrays.sort(b);
    return b.length % 2 == 1 ? b[b.length / 2] : (b[b.length / 2 - 1] + b[b.length / 2]) / 2;
  }
}

package io.amlmonitor.generator;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a merchant sells, and so how much and how often people pay it. Amounts are log-normal with a
 * heavy right tail: most travel bookings are modest, a few cost more than the reporting threshold.
 */
enum MerchantCategory {
  // median, sigma, share of merchants, personal and business spending weights, online share,
  // share of merchants abroad and where.
  GROCERY(85, 0.8, 22, 30, 3, 0.05, 0, List.of()),
  RESTAURANT(55, 0.6, 22, 24, 3, 0.1, 0, List.of()),
  FUEL(180, 0.4, 7, 10, 6, 0, 0, List.of()),
  PHARMACY(70, 0.7, 7, 8, 0, 0.1, 0, List.of()),
  UTILITIES(170, 0.5, 2, 0, 0, 0, 0, List.of()),
  TELECOM(110, 0.4, 2, 0, 0, 0, 0, List.of()),
  ATM(250, 0.7, 2, 0, 0, 0, 0, List.of()),
  CLOTHING(190, 0.7, 9, 6, 0, 0.3, 0.03, List.of("US", "CN")),
  ONLINE_SERVICES(45, 0.9, 6, 9, 8, 1, 0.5, List.of("US", "IE", "NL", "SG")),
  ELECTRONICS(900, 1.0, 5, 2, 4, 0.5, 0.05, List.of("US", "CN")),
  TRAVEL(1500, 0.9, 4, 1.2, 3, 0.6, 0.3, List.of("PT", "US", "AR", "FR", "ES", "CL")),
  HOME_IMPROVEMENT(300, 1.0, 4, 3, 3, 0.1, 0, List.of()),
  EDUCATION(900, 0.5, 3, 0, 0, 0, 0, List.of()),
  GAMBLING(100, 1.1, 2, 2, 0, 1, 0.3, List.of("MT", "CW", "GB")),
  JEWELRY(1200, 1.0, 2, 0.3, 0, 0.1, 0, List.of());

  private static final MerchantCategory[] ALL = values();
  private static final double[] MERCHANT_TOTALS = totals(0);
  private static final double[] PERSONAL_TOTALS = totals(1);
  private static final double[] BUSINESS_TOTALS = totals(2);

  private final String label = name().toLowerCase(Locale.ROOT);
  private final double median;
  private final double sigma;
  private final double merchantShare;
  private final double personalWeight;
  private final double businessWeight;
  private final double onlineShare;
  private final double foreignShare;
  private final List<String> foreignCountries;

  MerchantCategory(
      double median,
      double sigma,
      double merchantShare,
      double personalWeight,
      double businessWeight,
      double onlineShare,
      double foreignShare,
      List<String> foreignCountries) {
    this.median = median;
    this.sigma = sigma;
    this.merchantShare = merchantShare;
    this.personalWeight = personalWeight;
    this.businessWeight = businessWeight;
    this.onlineShare = onlineShare;
    this.foreignShare = foreignShare;
    this.foreignCountries = foreignCountries;
  }

  String label() {
    return label;
  }

  double onlineShare() {
    return onlineShare;
  }

  /** A purchase amount in cents for a customer who spends {@code scale} times the typical. */
  long amountCents(SplittableRandom rng, double scale) {
    return Sampling.amountCents(rng, median * scale, sigma, 1, Math.min(500_000, median * 80));
  }

  double meanAmount() {
    return Sampling.logNormalMean(median, sigma);
  }

  /** Where a new merchant of this category is based. */
  String country(SplittableRandom rng) {
    return rng.nextDouble() < foreignShare ? Sampling.pick(rng, foreignCountries) : "BR";
  }

  static MerchantCategory forNewMerchant(SplittableRandom rng) {
    return ALL[Sampling.pickCumulative(rng, MERCHANT_TOTALS)];
  }

  static MerchantCategory forPersonalPurchase(SplittableRandom rng) {
    return ALL[Sampling.pickCumulative(rng, PERSONAL_TOTALS)];
  }

  static MerchantCategory forBusinessPurchase(SplittableRandom rng) {
    return ALL[Sampling.pickCumulative(rng, BUSINESS_TOTALS)];
  }

  /** The expected amount of a personal purchase, for declared volumes. */
  static double meanPersonalPurchase() {
    return weightedMean(PERSONAL_TOTALS);
  }

  static double meanBusinessPurchase() {
    return weightedMean(BUSINESS_TOTALS);
  }

  private static double weightedMean(double[] totals) {
    double sum = 0;
    double previous = 0;
    for (int i = 0; i < ALL.length; i++) {
      sum += (totals[i] - previous) * ALL[i].meanAmount();
      previous = totals[i];
    }
    return sum / totals[totals.length - 1];
  }

  private static double[] totals(int which) {
    double[] weights = new double[ALL.length];
    for (int i = 0; i < ALL.length; i++) {
      MerchantCategory c = ALL[i];
      weights[i] = which == 0 ? c.merchantShare : which == 1 ? c.personalWeight : c.businessWeight;
    }
    return Sampling.cumulative(weights);
  }
}

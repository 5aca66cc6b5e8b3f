package io.amlmonitor.core.scoring;

/**
 * Where the risk bands start: {@code LOW < medium <= MEDIUM < high <= HIGH}.
 *
 * @param medium the lowest MEDIUM score (default 0.3)
 * @param high the lowest HIGH score (default 0.6)
 */
public record RiskThresholds(double medium, double high) {
  public static final RiskThresholds DEFAULT = new RiskThresholds(0.3, 0.6);

  public RiskThresholds {
    if (!(medium > 0 && medium < high && high <= 1)) {
      throw new IllegalArgumentException(
          "risk thresholds must satisfy 0 < medium < high <= 1, were medium="
              + medium
              + " high="
              + high);
    }
  }

  public RiskLevel levelOf(double score) {
    if (score >= high) {
      return RiskLevel.HIGH;
    }
    return score >= medium ? RiskLevel.MEDIUM : RiskLevel.LOW;
  }
}

package io.amlmonitor.jdbc;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.CustomerType;
import io.amlmonitor.core.domain.Money;
import io.amlmonitor.core.domain.TimeRange;
import io.amlmonitor.core.scoring.RiskLevel;
import io.amlmonitor.core.store.CustomerRepository;
import io.amlmonitor.core.store.CustomerRiskRating;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Customers in the {@code customers} table; every rating is appended to {@code
 * customer_risk_ratings}, and the customer row carries the latest for queries.
 */
public final class JdbcCustomerRepository implements CustomerRepository {
  private static final String[] PROFILE = {
    "customer_id",
    "customer_type",
    "country",
    "segment",
    "expected_monthly_volume",
    "onboarding_date",
    "pep"
  };

  private final Sql sql;
  private final String upsert;

  JdbcCustomerRepository(Sql sql, Dialect dialect) {
    this.sql = sql;
    this.upsert = dialect.upsert("customers", "customer_id", PROFILE);
  }

  @Override
  public void upsertAll(Collection<Customer> customers) {
    if (customers.isEmpty()) {
      return;
    }
    sql.inTransaction(
        "saving " + customers.size() + " customers",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (Customer customer : customers) {
              ps.setString(1, customer.id().value());
              ps.setString(2, customer.type().name());
              Sql.setText(ps, 3, customer.country());
              Sql.setText(ps, 4, customer.segment());
              ps.setBigDecimal(5, customer.expectedMonthlyVolume().toBigDecimal());
              ps.setDate(6, Date.valueOf(customer.onboardingDate()));
              ps.setBoolean(7, customer.pep());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  @Override
  public Optional<Customer> find(CustomerId id) {
    return sql.run(
        "finding customer " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + String.join(", ", PROFILE)
                      + " FROM customers WHERE customer_id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(customer(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public long forEach(Consumer<? super Customer> action) {
    return sql.forEach(
        "reading customers",
        "SELECT " + String.join(", ", PROFILE) + " FROM customers",
        null,
        TimeRange.ALL,
        "customer_id",
        JdbcCustomerRepository::customer,
        action);
  }

  static Customer customer(ResultSet rs) throws SQLException {
    return new Customer(
        CustomerId.of(rs.getString("customer_id")),
        CustomerType.valueOf(rs.getString("customer_type")),
        rs.getString("country"),
        rs.getString("segment"),
        Money.of(rs.getBigDecimal("expected_monthly_volume")),
        rs.getDate("onboarding_date").toLocalDate(),
        rs.getBoolean("pep"));
  }

  @Override
  public long count() {
    return sql.run("counting customers", c -> Sql.count(c, "SELECT count(*) FROM customers"));
  }

  @Override
  public boolean rate(CustomerRiskRating rating) {
    return sql.inTransaction(
        "rating customer " + rating.customerId(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO customer_risk_ratings (customer_id, rating, reasons, rated_at)"
                      + " SELECT customer_id, ?, ?, ? FROM customers WHERE customer_id = ?")) {
            ps.setString(1, rating.rating().name());
            ps.setString(2, JsonText.strings(rating.reasons()));
            Sql.setInstant(ps, 3, rating.ratedAt());
            ps.setString(4, rating.customerId().value());
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE customers SET risk_rating = ?, risk_rated_at = ? WHERE customer_id = ?"
                      + " AND (risk_rated_at IS NULL OR risk_rated_at <= ?)")) {
            ps.setString(1, rating.rating().name());
            Sql.setInstant(ps, 2, rating.ratedAt());
            ps.setString(3, rating.customerId().value());
            Sql.setInstant(ps, 4, rating.ratedAt());
            ps.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public Optional<CustomerRiskRating> currentRating(CustomerId id) {
    List<CustomerRiskRating> latest =
        ratings(id, "ORDER BY rated_at DESC, rating_id DESC FETCH FIRST 1 ROW ONLY");
    return latest.stream().findFirst();
  }

  @Override
  public List<CustomerRiskRating> ratingHistory(CustomerId id) {
    return ratings(id, "ORDER BY rated_at, rating_id");
  }

  private List<CustomerRiskRating> ratings(CustomerId id, String order) {
    return sql.run(
        "reading the ratings of customer " + id,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT rating, reasons, rated_at FROM customer_risk_ratings"
                      + " WHERE customer_id = ? "
                      + order)) {
            ps.setString(1, id.value());
            List<CustomerRiskRating> ratings = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ratings.add(rating(id, rs));
              }
            }
            return ratings;
          }
        });
  }

  private static CustomerRiskRating rating(CustomerId id, ResultSet rs) throws SQLException {
    return new CustomerRiskRating(
        id,
        RiskLevel.valueOf(rs.getString("rating")),
        JsonText.strings(rs.getString("reasons")),
        Sql.instant(rs, "rated_at"));
  }
}

package io.amlmonitor.core.cases;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.Transaction;
import io.amlmonitor.core.domain.TransactionId;
import io.amlmonitor.core.store.CustomerRepository;
import io.amlmonitor.core.store.CustomerRiskRating;
import io.amlmonitor.core.store.DecisionRecord;
import io.amlmonitor.core.store.DecisionRepository;
import io.amlmonitor.core.store.TransactionRepository;
import java.util.Optional;

/**
 * Where the facts behind a case are looked up: the transactions, the decisions with the feature
 * values that scored them, and the customer's KYC profile and rating. Anything unknown is empty; a
 * case file shows what exists.
 */
public interface EvidenceSource {
  /** Knows nothing: case files with alerts only. */
  EvidenceSource NONE =
      new EvidenceSource() {
        @Override
        public Optional<Transaction> transaction(TransactionId id) {
          return Optional.empty();
        }

        @Override
        public Optional<DecisionRecord> decision(TransactionId id) {
          return Optional.empty();
        }

        @Override
        public Optional<Customer> customer(CustomerId id) {
          return Optional.empty();
        }

        @Override
        public Optional<CustomerRiskRating> rating(CustomerId id) {
          return Optional.empty();
        }
      };

  Optional<Transaction> transaction(TransactionId id);

  Optional<DecisionRecord> decision(TransactionId id);

  Optional<Customer> customer(CustomerId id);

  Optional<CustomerRiskRating> rating(CustomerId id);

  /** The system of record's repositories as a source. */
  static EvidenceSource of(
      TransactionRepository transactions,
      DecisionRepository decisions,
      CustomerRepository customers) {
    return new EvidenceSource() {
      @Override
      public Optional<Transaction> transaction(TransactionId id) {
        return transactions.find(id);
      }

      @Override
      public Optional<DecisionRecord> decision(TransactionId id) {
        return decisions.find(id);
      }

      @Override
      public Optional<Customer> customer(CustomerId id) {
        return customers.find(id);
      }

      @Override
      public Optional<CustomerRiskRating> rating(CustomerId id) {
        return customers.currentRating(id);
      }
    };
  }
}

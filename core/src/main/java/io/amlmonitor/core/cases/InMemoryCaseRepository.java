package io.amlmonitor.core.cases;

import io.amlmonitor.core.alert.Alert;
import io.amlmonitor.core.domain.CustomerId;
import io.amlmonitor.core.domain.TimeRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Cases in this process's memory, for tests and runs that keep nothing. Every method holds one
 * lock, which is what makes attaching and changing atomic here; the SQL repository gets the same
 * from transactions and row locks.
 */
public final class InMemoryCaseRepository implements CaseRepository {
  /** Newest opened first, ties by id descending: the order of {@link #find(CaseQuery)}. */
  private static final Comparator<Case> NEWEST_FIRST =
      Comparator.comparing(Case::openedAt).thenComparing(Case::id).reversed();

  private static final Comparator<Case> OLDEST_FIRST =
      Comparator.comparing(Case::openedAt).thenComparing(Case::id);

  private final Map<CaseId, Case> cases = new LinkedHashMap<>();
  private final Map<CaseId, List<Alert>> alerts = new HashMap<>();
  private final Map<CaseId, List<CaseEvent>> events = new HashMap<>();
  private final Map<String, CaseId> caseOfAlert = new HashMap<>();
  private final Map<CustomerId, CaseId> openCaseOf = new HashMap<>();

  @Override
  public synchronized AlertAttachment attachToOpenCase(
      Alert alert, CaseId newCaseId, String actor, Instant at) {
    CaseId existing = caseOfAlert.get(alert.alertId());
    if (existing != null) {
      return new AlertAttachment(cases.get(existing), false, false);
    }
    CaseId id = openCaseOf.get(alert.customerId());
    boolean opened = id == null;
    if (opened) {
      if (cases.containsKey(newCaseId)) {
        throw new IllegalArgumentException("case " + newCaseId + " exists already");
      }
      id = newCaseId;
      cases.put(id, Case.opened(id, alert.customerId(), at));
      alerts.put(id, new ArrayList<>());
      events.put(id, new ArrayList<>());
      openCaseOf.put(alert.customerId(), id);
      append(CaseEvent.opened(id, alert.alertId(), actor, at));
    }
    Case c =
        append(CaseEvent.alertAttached(id, cases.get(id).status(), alert.alertId(), actor, at));
    alerts.get(id).add(alert);
    caseOfAlert.put(alert.alertId(), id);
    return new AlertAttachment(c, opened, true);
  }

  @Override
  public synchronized Optional<Case> find(CaseId id) {
    return Optional.ofNullable(cases.get(id));
  }

  @Override
  public synchronized Case change(CaseId id, CaseChange change) {
    Case current = cases.get(id);
    if (current == null) {
      throw new CaseNotFoundException(id);
    }
    Case next = append(change.decide(current));
    if (next.status().isClosed()) {
      openCaseOf.remove(next.customerId(), id);
    }
    return next;
  }

  /** Applies {@code e} to its case (checking that it follows) and records both. */
  private Case append(CaseEvent e) {
    Case next =
        e.kind() == CaseEventKind.OPENED ? cases.get(e.caseId()) : cases.get(e.caseId()).apply(e);
    cases.put(next.id(), next);
    events.get(next.id()).add(e);
    return next;
  }

  @Override
  public synchronized List<Case> find(CaseQuery query) {
    return cases.values().stream()
        .filter(query::matches)
        .sorted(NEWEST_FIRST)
        .skip(query.offset())
        .limit(query.limit())
        .toList();
  }

  @Override
  public synchronized long count(CaseQuery query) {
    return cases.values().stream().filter(query::matches).count();
  }

  @Override
  public synchronized Map<CaseStatus, Long> countByStatus() {
    Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
    for (CaseStatus s : CaseStatus.values()) {
      counts.put(s, 0L);
    }
    cases.values().forEach(c -> counts.merge(c.status(), 1L, Long::sum));
    return counts;
  }

  @Override
  public synchronized List<Alert> alerts(CaseId id) {
    return List.copyOf(alerts.getOrDefault(id, List.of()));
  }

  @Override
  public synchronized List<CaseEvent> events(CaseId id) {
    return List.copyOf(events.getOrDefault(id, List.of()));
  }

  @Override
  public synchronized Optional<CaseId> caseOf(String alertId) {
    return Optional.ofNullable(caseOfAlert.get(alertId));
  }

  @Override
  public long forEachOpenedOrClosedIn(TimeRange range, Consumer<? super Case> action) {
    return each(
        c -> range.contains(c.openedAt()) || (c.closedAt() != null && range.contains(c.closedAt())),
        action);
  }

  @Override
  public long forEachOpen(Consumer<? super Case> action) {
    return each(c -> !c.status().isClosed(), action);
  }

  /** Calls {@code action} outside the lock, on a snapshot, as a streaming SQL read would. */
  private long each(Predicate<Case> filter, Consumer<? super Case> action) {
    List<Case> selected;
    synchronized (this) {
      selected = cases.values().stream().filter(filter).sorted(OLDEST_FIRST).toList();
    }
    selected.forEach(action);
    return selected.size();
  }

  @Override
  public long forEachDisposition(TimeRange closedIn, Consumer<? super AlertDisposition> action) {
    List<AlertDisposition> out = new ArrayList<>();
    synchronized (this) {
      cases.values().stream()
          .filter(c -> c.closedAt() != null && closedIn.contains(c.closedAt()))
          .sorted(Comparator.comparing(Case::closedAt).thenComparing(Case::id))
          .forEach(
              c -> {
                for (Alert a : alerts.get(c.id())) {
                  out.add(
                      new AlertDisposition(
                          a.alertId(),
                          a.transactionId(),
                          a.customerId(),
                          AlertDisposition.Outcome.of(c.status()),
                          c.closedAt(),
                          c.id()));
                }
              });
    }
    out.forEach(action);
    return out.size();
  }
}

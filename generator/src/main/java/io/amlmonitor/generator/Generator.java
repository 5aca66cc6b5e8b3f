package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Customer;
import io.amlmonitor.core.domain.Merchant;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic synthetic dataset: customers, merchants and labelled transactions with realistic
 * ordinary behaviour and laundering episodes of every {@link Typology}.
 *
 * <p>Contract: equal configurations give identical output, byte for byte once written, on any
 * machine (all randomness comes from {@link java.util.SplittableRandom} streams derived from the
 * seed, and all transcendental maths is {@link StrictMath}). Transactions come in non-decreasing
 * timestamp order (equal timestamps in a fixed order), numbered {@code T000000001} onward in that
 * order, all within {@code [config.start(), config.end())}. They are generated lazily, a local day
 * at a time, so a long period never sits in memory; each call to {@link #iterator()} or {@link
 * #transactions()} starts again from the first day and yields the same sequence. Creating a
 * generator builds the population and plans the episodes, which takes time and memory proportional
 * to the number of customers only.
 *
 * <p>Every typology appears once at least when {@code launderingShare * customers} reaches 23 (for
 * example 1,150 customers at the default 2%) and the period is long enough to hold it; below that
 * the cheapest typologies come first.
 */
public final class Generator implements Iterable<LabelledTransaction> {
  private final GeneratorConfig config;
  private final SyntheticPopulation population;
  private final DayClock clock;
  private final QuietCalendar quiet;
  private final List<Episode> episodes;

  private Generator(GeneratorConfig config) {
    this.config = config;
    this.population = PopulationFactory.create(config);
    this.clock = new DayClock(config.startDate(), config.zone(), config.days());
    this.quiet = new QuietCalendar(config.customers());
    Planning planning =
        new Planning(
            Seeds.random(config.seed(), Seeds.Purpose.PLANNING, 0),
            population,
            clock,
            quiet,
            EpisodePlanner.budget(config));
    this.episodes = List.copyOf(EpisodePlanner.plan(planning));
  }

  /** Builds the population and plans the episodes for {@code config}. */
  public static Generator create(GeneratorConfig config) {
    return new Generator(config);
  }

  public GeneratorConfig config() {
    return config;
  }

  public SyntheticPopulation population() {
    return population;
  }

  /** The customers, {@code C000001} onward; unmodifiable. */
  public List<Customer> customers() {
    return population.customers();
  }

  /** The merchants, {@code M00001} onward; unmodifiable. */
  public List<Merchant> merchants() {
    return population.merchants();
  }

  /**
   * About how many transactions the period holds, from the population's expected rates; within a
   * few percent for populations of a thousand or more. For progress bars: the exact count is only
   * known at the end.
   */
  public long expectedTransactions() {
    double months = config.days() / PopulationFactory.DAYS_PER_MONTH;
    double expected = 0;
    for (int i = 0; i < population.size(); i++) {
      CustomerProfile profile = population.profile(i);
      Persona p = profile.persona();
      expected += p.activity() * p.rhythm().weeklyAverage() * config.days();
      expected += (profile.recurring().length + profile.employees().length) * months;
    }
    return Math.round(expected);
  }

  /** The transactions from the first, in timestamp order; each call starts afresh. */
  @Override
  public Iterator<LabelledTransaction> iterator() {
    NormalActivity normal = new NormalActivity(config.seed(), population, clock, quiet);
    return new TransactionIterator(normal, new EpisodeContext(population, clock), clock, episodes);
  }

  /** The transactions as a sequential, ordered stream; each call starts afresh. */
  public Stream<LabelledTransaction> transactions() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            iterator(), Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE),
        false);
  }
}

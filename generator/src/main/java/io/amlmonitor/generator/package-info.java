/**
 * Deterministic synthetic AML data: customers, merchants and transactions with realistic ordinary
 * behaviour and labelled laundering episodes.
 *
 * <pre>{@code
 * Generator generator = Generator.create(GeneratorConfig.of(10_000, 500, 90, 42L));
 * generator.customers();                  // List<Customer>, C000001...
 * generator.merchants();                  // List<Merchant>, M00001...
 * try (Stream<LabelledTransaction> s = generator.transactions()) {   // timestamp order, lazy
 *   s.forEach(t -> pipeline.score(t.transaction()));
 * }
 * }</pre>
 *
 * <h2>Ordinary behaviour</h2>
 *
 * <ul>
 *   <li>About 92% individuals, 8% businesses; 94% Brazilian; a few PEPs; onboarded a month to
 *       fifteen years before the start. Each has a heavy-tailed activity level, a spending scale,
 *       one to three usual IPv4 addresses and one or two devices.
 *   <li>Merchants in fifteen categories with log-normal, heavy-tailed amounts and Zipf popularity;
 *       some online merchants and travel agencies are abroad.
 *   <li>Daily rhythm in local time (quiet 0h to 6h, peaks at lunch and in the evening, a few night
 *       shift workers), weekly rhythm (fewer on Sundays), more spending after payday.
 *   <li>Monthly salaries paid by business customers to their employees ({@code customer_id} the
 *       employer, {@code counterparty_id} the employee) on the employer's payday; bills to utility,
 *       telecom and school merchants on fixed days; rent; remittances home; person-to-person pix
 *       and transfers; cash withdrawals in round amounts; supplier payments between businesses.
 *   <li>Legitimate overlap with laundering signals, so that no single rule separates the classes:
 *       large travel, electronics and supplier payments above 10,000, some just under it; direct
 *       debits before dawn; payroll runs that fan out; remittances to Venezuela and Haiti; fresh
 *       IPs and devices now and then.
 * </ul>
 *
 * <h2>Laundering</h2>
 *
 * <p>{@link io.amlmonitor.generator.GeneratorConfig#launderingShare()} of the customers (2% by
 * default) take part in episodes, each customer in one only, starting uniformly over the period.
 * Every transaction of an episode carries its {@link io.amlmonitor.generator.Typology}; everything
 * else is {@code NONE}. Participants keep their ordinary activity, except dormant accounts, which
 * fall silent.
 *
 * <h2>Identifiers</h2>
 *
 * <p>Payers ({@code customer_id}) are always customers of the population. Receivers are merchants,
 * customers, or accounts at other institutions ({@code X0000001}...), which have no customer
 * record. Amounts are in BRL cents; {@code expected_monthly_volume} is what a customer expects to
 * send per month.
 */
package io.amlmonitor.generator;

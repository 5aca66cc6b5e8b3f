/**
 * The dataset as CSV files, and transactions.csv read back.
 *
 * <p>All files are UTF-8 with a header row, {@code \n} line ends and RFC 4180 quoting (a field with
 * a comma, quote or line break is quoted, quotes doubled). An empty cell is null.
 *
 * <pre>
 * customers.csv     customer_id,customer_type,country,segment,expected_monthly_volume,
 *                   onboarding_date,pep
 *                   C000001,individual,BR,salaried,3200.00,2022-02-18,false
 * merchants.csv     merchant_id,name,category,country
 *                   M00064,"Padaria São João, Ltda",restaurant,BR
 * transactions.csv  transaction_id,timestamp,customer_id,merchant_id,counterparty_id,amount,
 *                   currency,channel,ip_address,device_id,country,counterparty_country,
 *                   is_laundering,typology
 *                   T000000004,2026-01-05T00:02:12.973Z,C003070,M00253,,90.76,BRL,pix,
 *                   179.11.93.135,dev-a14bda9df132,BR,BR,false,none
 * </pre>
 *
 * <ul>
 *   <li>{@code customer_type}: {@code individual} or {@code business}; {@code pep}, {@code
 *       is_laundering}: {@code true} or {@code false}.
 *   <li>{@code timestamp}: ISO-8601 UTC with milliseconds; {@code onboarding_date}: ISO date.
 *   <li>{@code amount}, {@code expected_monthly_volume}: decimal with two places, no grouping.
 *   <li>{@code channel}: {@code card}, {@code pix}, {@code wire}, {@code transfer}, {@code online},
 *       {@code atm} or {@code cash}; {@code typology}: a {@link
 *       io.amlmonitor.generator.Typology#label()}.
 *   <li>Exactly one of {@code merchant_id} and {@code counterparty_id} is set; {@code ip_address}
 *       and {@code device_id} are empty for in-person payments (card at a till, ATM, cash).
 *   <li>{@code country} is where the payer was; {@code counterparty_country} where the receiver is.
 * </ul>
 */
package io.amlmonitor.generator.csv;

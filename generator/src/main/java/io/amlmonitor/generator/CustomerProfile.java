package io.amlmonitor.generator;

import io.amlmonitor.core.domain.Customer;

/**
 * Everything the generator knows about one customer: the persona, the KYC record it declared, and
 * its relationships. Internal; arrays are shared, not copied.
 *
 * @param contacts indices of customers this one sends person-to-person transfers to
 * @param suppliers accounts a business pays for goods and services; empty for individuals
 * @param employer index of the business that pays this customer's salary, or -1
 * @param salaryCents the monthly salary when {@code employer >= 0}
 * @param payday day of the month a business pays salaries, 0 for individuals
 * @param employees indices of the customers a business pays salaries to
 */
record CustomerProfile(
    Persona persona,
    Customer customer,
    int[] contacts,
    Payee[] suppliers,
    RecurringPayment[] recurring,
    int employer,
    long salaryCents,
    int payday,
    int[] employees) {}

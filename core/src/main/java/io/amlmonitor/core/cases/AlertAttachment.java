package io.amlmonitor.core.cases;

/**
 * What attaching an alert to its customer's open case did.
 *
 * @param kase the case that holds the alert now (for a repeat, the case it was attached to first,
 *     which may be closed since)
 * @param opened whether the case was opened for this alert
 * @param attached false when the alert was already in a case, and nothing changed
 */
public record AlertAttachment(Case kase, boolean opened, boolean attached) {}

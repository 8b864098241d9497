/**
 * The incident: the guide's three steps as a guarded state machine ({@link jp.hikeshi.incident.Transition}
 * with its {@link jp.hikeshi.incident.Guard}s), its checklists, required-items record and
 * tamper-evident timeline. Other modules add guards ({@link jp.hikeshi.incident.TransitionGuard}),
 * notices ({@link jp.hikeshi.incident.IncidentNotices}) and history
 * ({@link jp.hikeshi.incident.HistoryEvent}) without the incident depending on them. The incident
 * is the only aggregate with a repository here; the company's playbook is kept with plain JDBC
 * (a few rows of text that are read whole and copied into an incident at escalation).
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "desk", "organisation", "register", "shared" })
package jp.hikeshi.incident;

import org.springframework.modulith.ApplicationModule;

/**
 * The incident: the guide's three steps as a guarded state machine, its checklists, required-items record and tamper-evident timeline. Other modules add guards (TransitionGuard), notices (IncidentNotices) and history (HistoryEvent) without the incident depending on them.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "organisation", "shared" })
package jp.hikeshi.incident;

import org.springframework.modulith.ApplicationModule;

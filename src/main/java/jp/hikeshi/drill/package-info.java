/**
 * Drills (机上演習, issue #14): the security lead runs a scenario — a report and timed injects —
 * on a real incident marked 訓練 for good. The incident module does the work; this module keeps
 * the scenarios, what happened during the drill that the incident does not hold (the injects read
 * out, the moves a guard refused) and the debrief, whose notes may become real prevention
 * measures.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "incident", "prevention", "reporting", "shared" })
package jp.hikeshi.drill;

import org.springframework.modulith.ApplicationModule;

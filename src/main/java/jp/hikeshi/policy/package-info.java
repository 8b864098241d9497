/**
 * 対応方針 (平時の備え, issue #14): the short structured response policy the executive approves
 * before anything happens — who may cut the network, who may publish, who talks to customers
 * and the press, when the executive is told, whom to call, "do not pay a ransom", where the
 * backups are. Versions are kept as approved; the incident pages show the line that applies
 * where a decision is taken ({@link jp.hikeshi.policy.web.PolicyLines}).
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "organisation", "shared" })
package jp.hikeshi.policy;

import org.springframework.modulith.ApplicationModule;

/**
 * Documents to hand over: the required-items record as Excel and print view, the full incident report, the incident list as CSV.
 */
@ApplicationModule(allowedDependencies = { "account", "incident", "reporting", "prevention", "organisation", "shared" })
package jp.hikeshi.handover;

import org.springframework.modulith.ApplicationModule;

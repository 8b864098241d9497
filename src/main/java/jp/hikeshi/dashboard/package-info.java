/**
 * The executive's dashboard: open incidents, decisions waiting, reports due, times to detect/contain/recover, damage. Plain JDBC aggregates (one grouping-sets scan) rather than the aggregates' repositories: it reads across many incidents at once and changes nothing.
 */
@ApplicationModule(allowedDependencies = { "account", "incident", "reporting", "organisation", "preparedness", "shared" })
package jp.hikeshi.dashboard;

import org.springframework.modulith.ApplicationModule;

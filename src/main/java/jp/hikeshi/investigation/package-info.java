/**
 * Step 3's investigation (調査・対応): 5W1H, repairs, outside help, reports to the executive, and the company's own contacts. Repairs are small versioned aggregates; the add-only records are plain JDBC tables.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "desk", "incident", "shared" })
package jp.hikeshi.investigation;

import org.springframework.modulith.ApplicationModule;

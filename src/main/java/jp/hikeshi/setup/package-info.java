/**
 * First-run set-up: the company and the first administrator, once.
 */
@ApplicationModule(allowedDependencies = { "account", "organisation", "shared" })
package jp.hikeshi.setup;

import org.springframework.modulith.ApplicationModule;

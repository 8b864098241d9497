/**
 * Each person's home page: what needs them now.
 */
@ApplicationModule(allowedDependencies = { "account", "incident", "reporting", "prevention", "shared" })
package jp.hikeshi.home;

import org.springframework.modulith.ApplicationModule;

/**
 * App-wide configuration: security, the embedded development database, web settings, error pages.
 */
@ApplicationModule(allowedDependencies = { "account", "organisation", "setup", "shared" })
package jp.hikeshi.system;

import org.springframework.modulith.ApplicationModule;

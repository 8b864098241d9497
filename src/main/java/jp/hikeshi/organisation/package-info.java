/**
 * The company: name, industry, supervising ministry, time zone.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package jp.hikeshi.organisation;

import org.springframework.modulith.ApplicationModule;

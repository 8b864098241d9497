/**
 * The demo profile's sample company, users and incidents (never against a real database).
 */
@ApplicationModule(allowedDependencies = { "account", "incident", "organisation", "register", "system", "shared" })
package jp.hikeshi.demo;

import org.springframework.modulith.ApplicationModule;

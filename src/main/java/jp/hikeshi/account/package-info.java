/**
 * Accounts: people, their roles and passwords, and how they are named to others (People). Every other module names a person through here, never by login name.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package jp.hikeshi.account;

import org.springframework.modulith.ApplicationModule;

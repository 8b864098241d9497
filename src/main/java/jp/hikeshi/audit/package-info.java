/**
 * The append-only audit trail of administrative actions (who changed which account or setting).
 */
@ApplicationModule(allowedDependencies = { "shared" })
package jp.hikeshi.audit;

import org.springframework.modulith.ApplicationModule;

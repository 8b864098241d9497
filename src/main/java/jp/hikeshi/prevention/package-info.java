/**
 * Step 3's prevention plan (再発防止): root causes and measures followed up until done; its guard holds the closing.
 */
@ApplicationModule(allowedDependencies = { "account", "incident", "shared" })
package jp.hikeshi.prevention;

import org.springframework.modulith.ApplicationModule;

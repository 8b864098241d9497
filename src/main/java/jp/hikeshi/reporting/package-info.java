/**
 * Step 2 (報告・公表): the reports the law requires, their deadlines, filings, prepared texts, announcements and the inquiry desk.
 */
@ApplicationModule(allowedDependencies = { "account", "calendar", "desk", "incident", "organisation", "prevention", "register", "shared" })
package jp.hikeshi.reporting;

import org.springframework.modulith.ApplicationModule;

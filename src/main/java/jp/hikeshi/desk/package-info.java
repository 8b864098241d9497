/**
 * Where to ask and where to report (DOMAIN.md §7): the public desks as data the administrator
 * keeps, each with the day it was last checked, shown from step 1 next to the duty or decision
 * it serves ({@link jp.hikeshi.desk.PublicDesks}). The company's own contacts are kept by the
 * module that owns them and come in through {@link jp.hikeshi.desk.OwnContacts}, so that the
 * incident page can show both without depending on that module.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package jp.hikeshi.desk;

import org.springframework.modulith.ApplicationModule;

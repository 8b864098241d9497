/**
 * The Japanese legal calendar: national holidays (祝日) as data an administrator can replace,
 * and the PPC's way of counting days — the day the company knew is day 1, and a deadline that
 * falls on a day government offices are closed (行政機関の休日) moves to the next open day
 * ({@link jp.hikeshi.calendar.LegalDeadlines}); deadlines read as people expect them
 * ({@link jp.hikeshi.calendar.LegalDays}, the {@code @legalDays} bean of the pages).
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package jp.hikeshi.calendar;

import org.springframework.modulith.ApplicationModule;

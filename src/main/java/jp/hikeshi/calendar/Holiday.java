package jp.hikeshi.calendar;

import java.time.LocalDate;

/**
 * One national holiday as the Cabinet Office lists it: a 国民の祝日 under its own name, or a
 * 振替休日 (substitute for a holiday on a Sunday) or 国民の休日 (a day between two holidays), both
 * named 「休日」.
 */
public record Holiday(LocalDate day, String name) {

}

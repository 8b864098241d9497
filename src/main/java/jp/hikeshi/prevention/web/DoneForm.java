package jp.hikeshi.prevention.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The day a measure was done: the date beside its "mark done" button. */
public record DoneForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate doneOn) {
}

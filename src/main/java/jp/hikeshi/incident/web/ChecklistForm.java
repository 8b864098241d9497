package jp.hikeshi.incident.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.ChecklistItem;
import jp.hikeshi.shared.PlainText;

/** Marking one checklist item done, not applicable (with a reason) or open again. */
record ChecklistForm(long version, @NotNull ChecklistItem.Status status, @Size(max = 1000) @PlainText String reason) {
}

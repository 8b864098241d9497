package jp.hikeshi.incident;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * A system of the register (資産・情報の台帳) the incident concerns, with who named it and when.
 * Only its id is kept here: the register says what it is.
 */
@Embeddable
public record ChosenSystem(Long systemId, String chosenBy, Instant chosenAt) {
}

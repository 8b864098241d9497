package jp.hikeshi.incident;

import jakarta.persistence.Embeddable;

/** 担当者: a member of the response team and what they do in it. */
@Embeddable
public record Assignee(String username, String duty) {
}

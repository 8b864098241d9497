package jp.hikeshi.account;

/**
 * Published when an account's open sessions must end: it was disabled, its roles changed or
 * its password was reset.
 */
public record AccountSignedOut(String username) {
}

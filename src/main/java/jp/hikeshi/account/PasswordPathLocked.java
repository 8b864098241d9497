package jp.hikeshi.account;

import java.time.Instant;

/**
 * Published when a name's password path is locked after too many wrong passwords: sign-in with
 * a password is refused until {@code until}; sessions already open go on. The notification
 * module tells the account's owner, if the name is an account's.
 * @param username the name as it was tried, trimmed and in lower case
 * @param address where the locking attempt came from
 */
public record PasswordPathLocked(String username, String address, Instant until) {
}

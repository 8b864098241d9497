/**
 * 緊急連絡網 and the wall card (平時の備え, issue #14): the response team's people in the order
 * they are called, with their part, when they can be reached and who stands in for them; the
 * company's outside contacts, its vendors and the public desks beside them — one page, verified
 * every few months — and one A4 card to pin next to every PC with the first steps, how to report
 * (a QR code) and the numbers to call when the network is down.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "desk", "handover", "notification", "organisation", "register",
		"shared" })
package jp.hikeshi.emergency;

import org.springframework.modulith.ApplicationModule;

/**
 * 平時の備え (issue #14): the page that gathers what the company prepared before the fire —
 * the register, the response policy, the emergency contacts, the wall card, the drills — and
 * the readiness list the executive reads, put together from the {@link jp.hikeshi.shared.Readiness}
 * line each of those modules gives. It knows none of them: a module that keeps one of the
 * answers publishes its line, and this one only orders and shows them.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package jp.hikeshi.preparedness;

import org.springframework.modulith.ApplicationModule;

/**
 * 資産・情報の台帳 (平時の備え, issue #14): the systems and services the company runs, the
 * personal data each holds, the vendors that operate them and the clients (委託元) whose data
 * it processes — written down once, before anything happens, so that an incident starts from
 * what the company knows. Other modules read it through {@link jp.hikeshi.register.Register}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "shared" })
package jp.hikeshi.register;

import org.springframework.modulith.ApplicationModule;

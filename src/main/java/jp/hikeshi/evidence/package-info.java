/**
 * Evidence (証拠保全) with a chain of custody. Plain JDBC on purpose: the content is streamed in and out of PostgreSQL large objects, which JPA cannot do without holding files in memory. History goes to the incident's timeline as EvidenceEvents.
 */
@ApplicationModule(allowedDependencies = { "account", "incident", "shared" })
package jp.hikeshi.evidence;

import org.springframework.modulith.ApplicationModule;

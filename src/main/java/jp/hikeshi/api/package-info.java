/**
 * The REST API (/api/v1): another door to the same services as the pages, for a mail gateway
 * that opens reports and an IT vendor's scripts that follow duties. Personal API tokens
 * authenticate (account.ApiTokens); errors are RFC 9457 problem details in the caller's
 * language; the OpenAPI description is generated from these controllers.
 */
@ApplicationModule(displayName = "API")
package jp.hikeshi.api;

import org.springframework.modulith.ApplicationModule;

/**
 * What every module may use: the business-rule violation a service throws, the plain-text check
 * for typed input, and the one way a web page refuses (web.Refusals, web.Notice). Open: it has
 * no dependencies of its own and no internals to hide.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package jp.hikeshi.shared;

import org.springframework.modulith.ApplicationModule;

package jp.hikeshi;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** The top-level packages are modules; none reaches into another's internals, and none forms a cycle. */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(HikeshiApplication.class).verify();
	}

}

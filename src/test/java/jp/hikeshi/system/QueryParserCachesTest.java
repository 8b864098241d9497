package jp.hikeshi.system;

import java.lang.reflect.Field;
import java.util.Arrays;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.dfa.DFA;
import org.hibernate.grammars.hql.HqlLexer;
import org.hibernate.grammars.hql.HqlParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The query parsers' caches are emptied after the warm-up, and a query parsed later still parses. */
class QueryParserCachesTest {

	@Test
	void emptiesEveryParsersCachesAndParsingStillWorksAfterwards() throws Exception {
		parse("select i from Incident i where i.state = :state order by i.reportedAt desc");
		assertThat(states(HqlParser.class.getName())).as("what the parse taught the parser").isPositive();

		assertThat(QueryParserCaches.clear()).as("every class named is found (a renamed parser after an upgrade)")
			.isEqualTo(QueryParserCaches.CLASSES.size());
		for (String name : QueryParserCaches.CLASSES) {
			assertThat(states(name)).as(name).isZero();
		}

		assertThat(parse("select count(i) from Incident i where i.reference like :reference")).isZero();
		assertThat(states(HqlParser.class.getName())).isPositive();
	}

	/** Parses an HQL statement; answers the number of syntax errors. */
	private static int parse(String hql) {
		HqlParser parser = new HqlParser(new CommonTokenStream(new HqlLexer(CharStreams.fromString(hql))));
		parser.statement();
		return parser.getNumberOfSyntaxErrors();
	}

	private static int states(String className) throws ReflectiveOperationException {
		Field field = Class.forName(className).getDeclaredField("_decisionToDFA");
		field.setAccessible(true);
		return Arrays.stream((DFA[]) field.get(null)).mapToInt(dfa -> dfa.states.size()).sum();
	}

}

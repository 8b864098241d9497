package jp.hikeshi.system;

import java.lang.reflect.Field;
import java.util.List;

import org.antlr.v4.runtime.dfa.DFA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The query parsers (Hibernate's and Spring Data JPA's, both ANTLR) keep every prediction they have
 * worked out in static caches shared by all their instances: about 6 MB of the heap, a tenth of
 * what stays live, once every repository's queries are parsed. A query is parsed once (Hibernate
 * keeps its interpretation, Spring Data its parse tree), so after the warm-up the caches are
 * emptied; a query parsed for the first time later rebuilds what it needs.
 */
final class QueryParserCaches {

	private static final Logger log = LoggerFactory.getLogger(QueryParserCaches.class);

	/** The generated parsers and lexers of the query language Hibernate and Spring Data parse. */
	static final List<String> CLASSES = List.of("org.hibernate.grammars.hql.HqlParser",
			"org.hibernate.grammars.hql.HqlLexer", "org.springframework.data.jpa.repository.query.HqlParser",
			"org.springframework.data.jpa.repository.query.HqlLexer");

	private QueryParserCaches() {
	}

	/** Empties each class's decision caches as ANTLR's own {@code clearDFA} does; returns how many classes it emptied. */
	static int clear() {
		int cleared = 0;
		for (String name : CLASSES) {
			try {
				// protected (Spring Data's classes are package-private): read through reflection
				Field field = Class.forName(name, true, QueryParserCaches.class.getClassLoader())
					.getDeclaredField("_decisionToDFA");
				field.setAccessible(true);
				DFA[] decisions = (DFA[]) field.get(null);
				for (int decision = 0; decision < decisions.length; decision++) {
					decisions[decision] = new DFA(decisions[decision].atnStartState, decision);
				}
				cleared++;
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				log.debug("The parser caches of {} stay", name, ex);
			}
		}
		return cleared;
	}

}

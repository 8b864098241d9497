package jp.hikeshi.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts the SQL statements the application prepares, to catch N+1 queries in a test. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

	private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final List<String> sql = new CopyOnWriteArrayList<>();

	public int count() {
		return this.sql.size();
	}

	/** The statements since the last reset, in order: what a failed count shows. */
	public List<String> statements() {
		return List.copyOf(this.sql);
	}

	public void reset() {
		this.sql.clear();
	}

	@Bean
	static BeanPostProcessor countingDataSource(StatementCounter counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof DataSource dataSource)) {
					return bean;
				}
				return Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
						(proxy, method, args) -> {
							Object result = invoke(method, dataSource, args);
							return (result instanceof Connection connection) ? counting(connection, counter) : result;
						});
			}
		};
	}

	private static Connection counting(Connection connection, StatementCounter counter) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (STATEMENTS.contains(method.getName())) {
						counter.sql.add((args != null && args.length > 0 && args[0] instanceof String text) ? text : method.getName());
					}
					return invoke(method, connection, args);
				});
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}

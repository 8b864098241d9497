package jp.hikeshi.notification;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * What became of an endpoint's newest delivery, once the sender has written it: the sender sends
 * with no transaction open and writes the outcome after the request was answered, so a test that
 * saw the request waits for the row (at most 10 s).
 */
public final class SettledDeliveries {

	private SettledDeliveries() {
	}

	/** The state of the endpoint's newest delivery once it has been tried. */
	public static String settledState(JdbcTemplate jdbc, long endpointId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForMap(
					"select state, attempts from notification where endpoint_id = ? order by id desc limit 1", endpointId),
					row -> ((Number) row.get("attempts")).intValue() > 0)
			.get("state")
			.toString();
	}

}

package jp.hikeshi.test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of the register (資産・情報の台帳) written straight into its tables, for the tests of what
 * the register does for an incident: its own pages and services are tested on their own. Each
 * name carries a suffix of its own, since the tests share one database.
 */
public final class RegisterRows {

	private final JdbcTemplate jdbc;

	public RegisterRows(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A unique name made of this one. */
	public static String named(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public long vendor(String name) {
		return this.jdbc.queryForObject("""
				insert into vendor (kind, name, incident_contact, phone, created_by, created_at, updated_by, updated_at)
				values ('IT_VENDOR', ?, '保守窓口', '03-1234-5678', 'test', ?, 'test', ?) returning id""", Long.class,
				name, now(), now());
	}

	public long client(String name) {
		return this.jdbc.queryForObject("""
				insert into client_company (name, created_by, created_at, updated_by, updated_at)
				values (?, 'test', ?, 'test', ?) returning id""", Long.class, name, now(), now());
	}

	/** A system in use, operated by a vendor or not. */
	public long system(String name, String location, Long vendorId, boolean internetFacing) {
		return this.jdbc.queryForObject("""
				insert into register_system (name, kind, location, vendor_id, internet_facing, created_by, created_at,
				    updated_by, updated_at)
				values (?, 'SERVER', ?, ?, ?, 'test', ?, 'test', ?) returning id""", Long.class, name, location,
				vendorId, internetFacing, now(), now());
	}

	/**
	 * Personal data the system holds.
	 * @param whose CUSTOMERS, EMPLOYEES, CLIENT or OTHER
	 */
	public void data(long systemId, String description, String whose, Long clientId, Integer people,
			boolean financial) {
		Integer position = this.jdbc.queryForObject(
				"select coalesce(max(position), 0) + 1 from register_data_set where system_id = ?", Integer.class,
				systemId);
		this.jdbc.update("""
				insert into register_data_set (system_id, position, description, items, whose, client_id, people_count,
				    financial)
				values (?, ?, ?, '氏名、住所、カード番号', ?, ?, ?, ?)""", systemId, position, description, whose, clientId,
				people, financial);
	}

	public void retire(long systemId) {
		this.jdbc.update("update register_system set retired_at = ? where id = ?", now(), systemId);
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}

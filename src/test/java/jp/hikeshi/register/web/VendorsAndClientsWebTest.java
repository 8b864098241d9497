package jp.hikeshi.register.web;

import java.util.UUID;

import jp.hikeshi.account.Role;
import jp.hikeshi.register.ClientCompany;
import jp.hikeshi.register.ClientService;
import jp.hikeshi.register.Vendor;
import jp.hikeshi.register.VendorService;
import jp.hikeshi.shared.web.Notice;
import jp.hikeshi.test.FormPage;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The register's vendors and clients: kept by the lead (and the administrator) on the audit
 * trail, names unique whatever their case, a refused form keeping what was typed, and no removal
 * while a system of the register still names them. Each test makes its own names.
 */
@IntegrationTest
class VendorsAndClientsWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	VendorService vendors;

	@Autowired
	ClientService clients;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theLeadKeepsAVendorOnTheAuditTrailAndCannotRemoveItWhileASystemNamesIt() throws Exception {
		RequestPostProcessor lead = this.users.as(Role.SECURITY_LEAD);
		String name = "Acme Support " + UUID.randomUUID();
		this.mvc.perform(post("/preparedness/vendors").with(csrf()).with(lead)
				.param("kind", "IT_VENDOR").param("name", name).param("incidentContact", "夜間窓口")
				.param("phone", "03-1234-5678").param("email", "desk@acme.example"))
			.andExpect(redirectedUrl("/preparedness/vendors"))
			.andExpect(flash().attribute("notice", Notice.of("vendor.added", name)));
		Vendor vendor = this.vendors.all().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();

		String list = this.mvc.perform(get("/preparedness/vendors").with(lead)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String table = list.substring(list.indexOf("<table"), list.indexOf("</table>"));
		assertThat(table).contains("href=\"tel:0312345678\"", "ITベンダー・保守業者").doesNotContain("IT_VENDOR");

		// the same name in other letters, and a phone that is no phone: refused, each beside its field, all kept
		FormPage refused = FormPage.of(this.mvc.perform(post("/preparedness/vendors").with(csrf()).with(lead)
				.param("kind", "CLOUD").param("name", name.toUpperCase()).param("phone", "03-abcd"))
			.andExpect(status().isOk()).andReturn());
		assertThat(refused.errorAt("phone")).isEqualTo("電話番号は数字・スペース・+ - ( ) だけで入力してください。");
		assertThat(refused.valueOf("name")).isEqualTo(name.toUpperCase());
		FormPage duplicate = FormPage.of(this.mvc.perform(post("/preparedness/vendors").with(csrf()).with(lead)
				.param("kind", "CLOUD").param("name", name.toUpperCase()).param("phone", "０３－１１１１－２２２２"))
			.andExpect(status().isOk()).andReturn());
		assertThat(duplicate.errorAt("name")).isEqualTo("「" + name + "」はすでに登録されています。");
		assertThat(duplicate.valueOf("phone")).isEqualTo("０３－１１１１－２２２２");

		this.mvc.perform(post("/preparedness/vendors/" + vendor.getId()).with(csrf()).with(lead)
				.param("kind", "HOSTING").param("name", name).param("contractNote", "保守契約 第12号")
				.param("version", String.valueOf(vendor.getVersion())))
			.andExpect(redirectedUrl("/preparedness/vendors/" + vendor.getId()));
		Vendor changed = this.vendors.find(vendor.getId()).orElseThrow();
		assertThat(changed.getContractNote()).isEqualTo("保守契約 第12号");

		// the executive reads it; only the lead and the administrator change it
		String read = this.mvc.perform(get("/preparedness/vendors/" + vendor.getId()).with(this.users.as(Role.EXECUTIVE)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(read).contains("保守契約 第12号", "ホスティング・サーバー").doesNotContain("name=\"version\"");
		this.mvc.perform(post("/preparedness/vendors/" + vendor.getId() + "/remove").with(csrf())
				.with(this.users.as(Role.EXECUTIVE)).param("version", String.valueOf(changed.getVersion())))
			.andExpect(status().isForbidden());

		String system = "基幹サーバー " + UUID.randomUUID();
		long systemId = system(system, vendor.getId());
		this.mvc.perform(post("/preparedness/vendors/" + vendor.getId() + "/remove").with(csrf()).with(lead)
				.param("version", String.valueOf(changed.getVersion())))
			.andExpect(redirectedUrl("/preparedness/vendors/" + vendor.getId()))
			.andExpect(flash().attribute("problem", Notice.of("vendor.remove.inUse", name, system, 1)));
		assertThat(this.vendors.find(vendor.getId())).isPresent();

		this.jdbc.update("delete from register_system where id = ?", systemId);
		this.mvc.perform(post("/preparedness/vendors/" + vendor.getId() + "/remove").with(csrf()).with(lead)
				.param("version", String.valueOf(changed.getVersion())))
			.andExpect(redirectedUrl("/preparedness/vendors"));
		assertThat(this.vendors.find(vendor.getId())).isEmpty();
		assertThat(audit(name)).containsExactly("VENDOR_ADDED", "VENDOR_CHANGED", "VENDOR_REMOVED");
	}

	@Test
	void aClientStaysWhileASystemHoldsItsData() throws Exception {
		RequestPostProcessor admin = this.users.as(Role.ADMIN);
		String name = "株式会社みなと商事 " + UUID.randomUUID();
		this.mvc.perform(post("/preparedness/clients").with(csrf()).with(admin).param("name", name).param("phone", "045-111-2222"))
			.andExpect(redirectedUrl("/preparedness/clients"));
		ClientCompany client = this.clients.all().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
		long systemId = system("顧客管理 " + UUID.randomUUID(), null);
		this.jdbc.update("insert into register_data_set (system_id, position, description, whose, client_id) values (?, 0, '会員名簿', 'CLIENT', ?)",
				systemId, client.getId());

		this.mvc.perform(post("/preparedness/clients/" + client.getId() + "/remove").with(csrf()).with(admin)
				.param("version", String.valueOf(client.getVersion())))
			.andExpect(redirectedUrl("/preparedness/clients/" + client.getId()));
		assertThat(this.clients.find(client.getId())).isPresent();
		String page = this.mvc.perform(get("/preparedness/clients/" + client.getId()).with(admin))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("href=\"tel:0451112222\"", "この委託元のデータを持つシステム");

		this.jdbc.update("delete from register_system where id = ?", systemId);
		this.mvc.perform(post("/preparedness/clients/" + client.getId() + "/remove").with(csrf()).with(admin)
				.param("version", String.valueOf(client.getVersion())))
			.andExpect(redirectedUrl("/preparedness/clients"));
		assertThat(audit(name)).containsExactly("CLIENT_ADDED", "CLIENT_REMOVED");
	}

	private long system(String name, Long vendorId) {
		return this.jdbc.queryForObject("""
				insert into register_system (name, kind, vendor_id, created_by, created_at, updated_by, updated_at)
				values (?, 'SERVER', ?, 'test', now(), 'test', now()) returning id""", Long.class, name, vendorId);
	}

	private java.util.List<String> audit(String subject) {
		return this.jdbc.queryForList("select action from audit_event where subject = ? order by id", String.class, subject);
	}

}

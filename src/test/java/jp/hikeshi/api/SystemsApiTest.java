package jp.hikeshi.api;

import java.util.UUID;

import jp.hikeshi.account.Role;
import jp.hikeshi.test.IntegrationTest;
import jp.hikeshi.test.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static jp.hikeshi.test.TestUsers.api;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The register through the API: added with its data in step 2's names, listed, refused with a field pointer. */
@IntegrationTest
class SystemsApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Test
	void aSystemIsAddedListedAndABadOneRefusedOnItsField() throws Exception {
		String lead = this.users.bearer(Role.SECURITY_LEAD);
		String name = "会員サイト " + UUID.randomUUID();
		String body = """
				{"name": "%s", "kind": "EC_SITE", "internetFacing": true, "backup": "BACKED_UP",
				 "backupLocation": "別拠点",
				 "dataSets": [{"description": "会員名簿", "kinds": ["FINANCIAL"], "whose": "CUSTOMERS",
				               "peopleMaximum": 1200, "encrypted": true, "encryptionMethod": "AES-256",
				               "keyCustody": "情報システム部"}]}""".formatted(name);
		this.mvc.perform(post("/api/v1/systems").with(api(lead)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isNumber())
			.andExpect(jsonPath("$.dataSets[0].kinds[0]").value("FINANCIAL"))
			.andExpect(jsonPath("$.dataSets[0].peopleMaximum").value(1200))
			.andExpect(jsonPath("$.dataSets[0].keyCustody").value("情報システム部"));

		this.mvc.perform(get("/api/v1/systems").with(api(this.users.bearer(Role.ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name", hasItem(name)));

		// a retry with its Idempotency-Key answers with what the first request added
		String keyed = body.replace(name, "鍵 " + name);
		Number first = com.jayway.jsonpath.JsonPath.read(this.mvc
			.perform(post("/api/v1/systems").with(api(lead))
				.header("Idempotency-Key", "inventory-" + name.hashCode())
				.contentType(MediaType.APPLICATION_JSON)
				.content(keyed))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc.perform(post("/api/v1/systems").with(api(lead))
			.header("Idempotency-Key", "inventory-" + name.hashCode())
			.contentType(MediaType.APPLICATION_JSON)
			.content(keyed))
			.andExpect(status().isCreated())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(first.longValue()));

		// the same name again without a key is refused: no second system
		this.mvc.perform(post("/api/v1/systems").with(api(lead)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.code").value("register.system.name.taken"))
			.andExpect(jsonPath("$.errors[0].field").value("name"));

		this.mvc.perform(post("/api/v1/systems").with(api(lead))
			.contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "ja")
			.content("""
					{"name": "%s", "kind": "SERVER",
					 "dataSets": [{"description": "預かり名簿", "whose": "CLIENT", "peopleMaximum": 100000001}]}"""
				.formatted("別 " + name)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dataSets[0].clientId"))
			.andExpect(jsonPath("$.errors[0].message").value("どの委託元の情報かを選んでください。"));

		this.mvc.perform(post("/api/v1/systems").with(api(lead))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name": "%s", "kind": "SERVER",
					 "dataSets": [{"description": "名簿", "peopleMaximum": -1}]}""".formatted("三 " + name)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("dataSets[0].peopleMaximum"));
	}

}

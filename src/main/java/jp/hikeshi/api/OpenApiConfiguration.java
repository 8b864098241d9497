package jp.hikeshi.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's frame: what the API is and how a caller authenticates. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	@Bean
	OpenAPI hikeshiOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Hikeshi API")
				.version("v1")
				.description("""
						Report, follow and work incidents from scripts, with the same rules as the pages. \
						Authenticate with a personal API token (Account → API tokens): `Authorization: Bearer hks_…`. \
						Errors are RFC 9457 problem details with a stable `code` and a message in the language \
						of `Accept-Language` (ja, en). Times are ISO-8601 with an offset; dates are YYYY-MM-DD."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("hks_…")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}

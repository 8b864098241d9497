package jp.hikeshi.api;

/**
 * The problem details every route may answer, as the OpenAPI description shows them (English:
 * the description's language). One place, so that each operation documents them alike.
 */
final class ProblemExamples {

	static final String UNAUTHENTICATED = """
			{"type": "about:blank", "title": "Not signed in", "status": 401, "code": "api.unauthenticated",
			 "detail": "This request needs a personal API token: Authorization: Bearer <token>.", "instance": "/api/v1/incidents/42"}""";

	static final String NOT_FOUND = """
			{"type": "about:blank", "title": "Not found", "status": 404, "code": "api.notFound",
			 "detail": "There is nothing here, or nothing you may see.", "instance": "/api/v1/incidents/42"}""";

	static final String MALFORMED = """
			{"type": "about:blank", "title": "Bad request", "status": 400, "code": "api.malformed",
			 "detail": "The request body is not valid JSON of the expected shape.", "instance": "/api/v1/incidents/42/facts"}""";

	static final String CONFLICT = """
			{"type": "about:blank", "title": "Conflict", "status": 409, "code": "api.conflict",
			 "detail": "Someone else changed this record meanwhile. Read it again and repeat.", "instance": "/api/v1/incidents/42/facts"}""";

	private ProblemExamples() {
	}

}

package jp.hikeshi.api;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body over {@value #MAX_BYTES} bytes: refused with 413 before it is read when its
 * length is declared, and cut off while being read when it is not.
 */
class RequestSizeLimit extends OncePerRequestFilter {

	static final int MAX_BYTES = 1024 * 1024;

	private final ApiProblems problems;

	RequestSizeLimit(ApiProblems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			this.problems.write(response,
					this.problems.problem(HttpStatus.CONTENT_TOO_LARGE, "api.tooLarge", request, MAX_BYTES / 1024),
					Map.of());
			return;
		}
		chain.doFilter(new Limited(request), response);
	}

	/** Thrown while reading a body that grew past the limit; answered with 413. */
	static class TooLarge extends IOException {

		TooLarge() {
			super("request body over " + MAX_BYTES + " bytes");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private ServletInputStream stream;

		Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				ServletInputStream in = super.getInputStream();
				this.stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						count((b < 0) ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) throws TooLarge {
						this.read += n;
						if (this.read > MAX_BYTES) {
							throw new TooLarge();
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
			}
			return this.stream;
		}

	}

}

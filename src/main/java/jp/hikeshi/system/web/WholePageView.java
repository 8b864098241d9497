package jp.hikeshi.system.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * A page is rendered whole before any of it is written: a failure while rendering gets the error
 * page instead of half a page, and the response's wrappers (Spring Security's, Spring Session's, the
 * webjar links') see one write in 8,192 characters instead of one a tag.
 * <p>
 * Thymeleaf's own way to do this ({@code produce-partial-output-while-processing=false}) renders
 * into one {@code StringBuilder} that doubles as it grows, then copies it into a {@code String}:
 * for the incident page's 180 KB, about a megabyte of garbage, a young collection every few pages.
 * Here the characters go into blocks that are written as they are.
 * <p>
 * Thymeleaf keeps every variable of a page as a request attribute, each loop's included: for the
 * incident page's 200 timeline entries and 30 checklist items, thousands of reads and writes, each
 * passed down through the ten request wrappers of the filters to Tomcat's, which tells its listeners
 * of every write. While a page renders, what it sets stays in a map of its own ({@link RenderingRequest}).
 */
public class WholePageView extends ThymeleafView {

	/** Thymeleaf writes as it goes, into the {@link Page} that {@link #render} hands it. */
	@Override
	public boolean getProducePartialOutputWhileProcessing() {
		return true;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Page page = new Page();
		PrintWriter rendering = page.printer();
		super.render(model, new RenderingRequest(request), new HttpServletResponseWrapper(response) {

			@Override
			public PrintWriter getWriter() {
				return rendering;
			}

			/** Nothing reaches the client before the page is whole. */
			@Override
			public void flushBuffer() {
			}

		});
		PrintWriter out = response.getWriter();
		page.writeTo(out);
		out.flush();
	}

	/** The characters of a page, in blocks. */
	static final class Page extends Writer {

		private static final int BLOCK = 8192;

		private final List<char[]> full = new ArrayList<>();

		private char[] block = new char[BLOCK];

		private int used;

		@Override
		public void write(int c) {
			if (this.used == BLOCK) {
				next();
			}
			this.block[this.used++] = (char) c;
		}

		@Override
		public void write(char[] chars, int offset, int length) {
			while (length > 0) {
				if (this.used == BLOCK) {
					next();
				}
				int n = Math.min(length, BLOCK - this.used);
				System.arraycopy(chars, offset, this.block, this.used, n);
				this.used += n;
				offset += n;
				length -= n;
			}
		}

		@Override
		public void write(String text, int offset, int length) {
			while (length > 0) {
				if (this.used == BLOCK) {
					next();
				}
				int n = Math.min(length, BLOCK - this.used);
				text.getChars(offset, offset + n, this.block, this.used);
				this.used += n;
				offset += n;
				length -= n;
			}
		}

		/**
		 * A {@code PrintWriter} straight onto the page: {@code PrintWriter}'s own methods take a lock
		 * and check that it is open on every write, a few thousand times a page.
		 */
		PrintWriter printer() {
			return new PrintWriter(this) {

				@Override
				public void write(int c) {
					Page.this.write(c);
				}

				@Override
				public void write(char[] chars, int offset, int length) {
					Page.this.write(chars, offset, length);
				}

				@Override
				public void write(char[] chars) {
					Page.this.write(chars, 0, chars.length);
				}

				@Override
				public void write(String text, int offset, int length) {
					Page.this.write(text, offset, length);
				}

				@Override
				public void write(String text) {
					Page.this.write(text, 0, text.length());
				}

				@Override
				public void flush() {
				}

			};
		}

		private void next() {
			this.full.add(this.block);
			this.block = new char[BLOCK];
			this.used = 0;
		}

		void writeTo(Writer out) throws IOException {
			for (char[] each : this.full) {
				out.write(each, 0, BLOCK);
			}
			out.write(this.block, 0, this.used);
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

	}

	/**
	 * The request as a page's rendering sees it: attributes set while rendering are kept here, read
	 * back from here first, and forgotten with the page; everything else is the request's. Nothing
	 * outside the page reads what the page sets (its variables), and the filters' and controllers'
	 * attributes (the CSRF token, the binding results) are read from the request beneath. Once the
	 * page has set or removed a name, the page's value wins until it is done: a bean that wrote the
	 * same name on the request beneath while the page renders would not be seen (none does).
	 */
	static final class RenderingRequest extends HttpServletRequestWrapper {

		/** Marks an attribute removed while rendering, hiding the request's of that name. */
		private static final Object REMOVED = new Object();

		private final Map<String, Object> set = new HashMap<>();

		RenderingRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			Object value = this.set.get(name);
			if (value == null) {
				return super.getAttribute(name);
			}
			return (value != REMOVED) ? value : null;
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.set.put(Objects.requireNonNull(name, "name"), (value != null) ? value : REMOVED);
		}

		@Override
		public void removeAttribute(String name) {
			this.set.put(Objects.requireNonNull(name, "name"), REMOVED);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
			this.set.forEach((name, value) -> {
				if (value == REMOVED) {
					names.remove(name);
				}
				else {
					names.add(name);
				}
			});
			return Collections.enumeration(names);
		}

	}

}

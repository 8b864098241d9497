package jp.hikeshi.system.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
		PrintWriter rendering = new PrintWriter(page);
		super.render(model, request, new HttpServletResponseWrapper(response) {

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

}

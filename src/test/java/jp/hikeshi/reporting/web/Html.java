package jp.hikeshi.reporting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Just enough of a rendered page to check a form: its elements' attributes and text, found by
 * id or by name. Thymeleaf writes well-formed attributes in double quotes, which is all this
 * reads; the text of an element is what lies before its closing tag, unescaped.
 */
final class Html {

	private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)((?:\\s+[^\\s=/>]+(?:=\"[^\"]*\")?)*)\\s*/?>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>]+)(?:=\"([^\"]*)\")?");

	private final List<Element> elements = new ArrayList<>();

	Html(String page) {
		Matcher tag = START_TAG.matcher(page);
		while (tag.find()) {
			Map<String, String> attributes = new LinkedHashMap<>();
			Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
			while (attribute.find()) {
				String value = attribute.group(2);
				attributes.put(attribute.group(1), (value == null) ? "" : HtmlUtils.htmlUnescape(value));
			}
			String name = tag.group(1).toLowerCase();
			int close = page.indexOf("</" + name + ">", tag.end());
			String text = (close < 0) ? "" : HtmlUtils.htmlUnescape(page.substring(tag.end(), close)).strip();
			this.elements.add(new Element(name, attributes, text));
		}
	}

	Optional<Element> byId(String id) {
		return this.elements.stream().filter(e -> id.equals(e.attributes().get("id"))).findFirst();
	}

	/** The element with this id; fails the test when there is none. */
	Element id(String id) {
		return byId(id).orElseThrow(() -> new AssertionError("no element with id " + id));
	}

	List<Element> named(String name) {
		return this.elements.stream().filter(e -> name.equals(e.attributes().get("name"))).toList();
	}

	record Element(String tag, Map<String, String> attributes, String text) {

		String attribute(String name) {
			return this.attributes.get(name);
		}

		String value() {
			return "textarea".equals(this.tag) ? this.text : this.attributes.get("value");
		}

		boolean checked() {
			return this.attributes.containsKey("checked");
		}

	}

}

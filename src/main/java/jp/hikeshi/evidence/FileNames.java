package jp.hikeshi.evidence;

/**
 * File names from users are shown, never used: the last path segment only, no control or
 * invisible formatting characters, at most 255 characters.
 */
final class FileNames {

	static final int MAX = 255;

	private FileNames() {
	}

	static String safe(String name) {
		String last = (name == null) ? "" : name.replace('\\', '/');
		last = last.substring(last.lastIndexOf('/') + 1);
		StringBuilder clean = new StringBuilder();
		last.codePoints().filter(c -> {
			int type = Character.getType(c);
			return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED;
		}).forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.isEmpty()) {
			result = "evidence";
		}
		return (result.length() > MAX) ? result.substring(result.length() - MAX) : result;
	}

}

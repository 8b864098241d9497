package jp.hikeshi.handover;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages through the application's logging: by default it prints five INFO
 * lines to standard error for every document ("Prepare to fly"), outside the log's format and
 * levels. Its information is DEBUG here; its warnings stay warnings.
 */
final class PdfLog implements XRLogger {

	private static final Logger log = LoggerFactory.getLogger("com.openhtmltopdf");

	@Override
	public void log(String where, Level level, String message) {
		log(where, level, message, null);
	}

	@Override
	public void log(String where, Level level, String message, Throwable failure) {
		if (level.intValue() >= Level.SEVERE.intValue()) {
			log.error("{}: {}", where, message, failure);
		}
		else if (level.intValue() >= Level.WARNING.intValue()) {
			log.warn("{}: {}", where, message, failure);
		}
		else if (log.isDebugEnabled()) {
			log.debug("{}: {}", where, message, failure);
		}
	}

	@Override
	public void setLevel(String logger, Level level) {
		// the application's logging configuration decides
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		Level level = diagnostic.getLevel();
		return (level.intValue() >= Level.WARNING.intValue()) || log.isDebugEnabled();
	}

}

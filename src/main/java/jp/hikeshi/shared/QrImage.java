package jp.hikeshi.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as a black-and-white PNG: each module {@link #SCALE} pixels square, with the quiet
 * zone of four modules the standard asks for (the wall card, the authenticator app's enrolment).
 * Medium error correction: a card behind a keyboard gets scratched.
 */
public final class QrImage {

	/** Pixels per module: sharp when printed at about 3 cm. */
	static final int SCALE = 8;

	/** Modules of white around the code. */
	static final int BORDER = 4;

	private final QrCode code;

	private QrImage(QrCode code) {
		this.code = code;
	}

	public static QrImage of(String text) {
		return new QrImage(QrCode.encodeText(text, QrCode.Ecc.MEDIUM));
	}

	/** Modules on a side, without the quiet zone. */
	int size() {
		return this.code.size;
	}

	/** Whether the module at column x, row y is dark. */
	boolean dark(int x, int y) {
		return this.code.getModule(x, y);
	}

	/** Pixels on a side of the image. */
	int pixels() {
		return (this.code.size + 2 * BORDER) * SCALE;
	}

	BufferedImage image() {
		int pixels = pixels();
		BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
		for (int y = 0; y < pixels; y++) {
			for (int x = 0; x < pixels; x++) {
				boolean dark = this.code.getModule(x / SCALE - BORDER, y / SCALE - BORDER);
				image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
			}
		}
		return image;
	}

	public byte[] png() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image(), "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The PNG as a {@code data:} address: the page's CSP allows it (img-src data:) and the PDF renderer reads it. */
	public String dataUri() {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(png());
	}

}

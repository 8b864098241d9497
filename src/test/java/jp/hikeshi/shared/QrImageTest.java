package jp.hikeshi.shared;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The QR code drawn on the wall card is qrcodegen's code for the address, module for module. */
class QrImageTest {

	private static final String URL = "https://hikeshi.example.co.jp/report";

	@Test
	void thePngCarriesQrcodegensModulesForTheAddress() throws IOException {
		QrImage qr = QrImage.of(URL);
		String dataUri = qr.dataUri();
		assertThat(dataUri).startsWith("data:image/png;base64,");

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(
				Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()))));
		QrCode expected = QrCode.encodeText(URL, QrCode.Ecc.MEDIUM);
		assertThat(image.getWidth()).isEqualTo((expected.size + 2 * QrImage.BORDER) * QrImage.SCALE)
			.isEqualTo(qr.pixels());
		assertThat(modules(image, expected.size)).isEqualTo(modulesOf(expected));
		// the quiet zone is white
		assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
	}

	@Test
	void anotherAddressGivesAnotherCode() {
		QrImage one = QrImage.of(URL);
		QrImage other = QrImage.of("https://hikeshi.example.co.jp/reports");
		boolean[][] a = modules(one.image(), one.size());
		boolean[][] b = modules(other.image(), other.size());
		assertThat(a).isNotEqualTo(b);
	}

	/** Reads the modules back from the image: the centre pixel of each module. */
	static boolean[][] modules(BufferedImage image, int size) {
		int scale = image.getWidth() / (size + 2 * QrImage.BORDER);
		boolean[][] modules = new boolean[size][size];
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				int px = (x + QrImage.BORDER) * scale + scale / 2;
				int py = (y + QrImage.BORDER) * scale + scale / 2;
				modules[y][x] = (image.getRGB(px, py) & 0xFFFFFF) < 0x808080;
			}
		}
		return modules;
	}

	static boolean[][] modulesOf(QrCode code) {
		boolean[][] modules = new boolean[code.size][code.size];
		for (int y = 0; y < code.size; y++) {
			for (int x = 0; x < code.size; x++) {
				modules[y][x] = code.getModule(x, y);
			}
		}
		return modules;
	}

}

package jp.hikeshi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Hikeshi (火消し, "fire brigade"): security incident case management for small and
 * medium-sized companies, following IPA's 「中小企業のためのセキュリティインシデント対応の手引き」.
 */
@SpringBootApplication
public class HikeshiApplication {

	public static void main(String[] args) {
		SpringApplication.run(HikeshiApplication.class, args);
	}

}

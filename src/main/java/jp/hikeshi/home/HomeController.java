package jp.hikeshi.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: what each of the user's roles can do from here. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "home/index";
	}

}

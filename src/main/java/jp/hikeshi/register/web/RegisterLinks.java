package jp.hikeshi.register.web;

import jp.hikeshi.shared.PhoneNumbers;

import org.springframework.stereotype.Component;

/** The register's phone numbers as links a phone dials: {@code ${@registerLinks.tel(vendor.phone)}}. */
@Component("registerLinks")
public class RegisterLinks {

	public String tel(String phone) {
		return PhoneNumbers.telLink(phone);
	}

}

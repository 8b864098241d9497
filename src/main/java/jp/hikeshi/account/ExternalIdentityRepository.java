package jp.hikeshi.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ExternalIdentityRepository extends JpaRepository<ExternalIdentity, Long> {

	Optional<ExternalIdentity> findByIssuerAndSubject(String issuer, String subject);

}

package jp.hikeshi.register;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ClientRepository extends JpaRepository<ClientCompany, Long> {

	@Query("select c from ClientCompany c order by lower(c.name)")
	List<ClientCompany> findAllByName();

	@Query("select c from ClientCompany c where lower(c.name) = lower(?1)")
	Optional<ClientCompany> findByNameIgnoringCase(String name);

}

package jp.hikeshi.register;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VendorRepository extends JpaRepository<Vendor, Long> {

	@Query("select v from Vendor v order by lower(v.name)")
	List<Vendor> findAllByName();

	@Query("select v from Vendor v where lower(v.name) = lower(?1)")
	Optional<Vendor> findByNameIgnoringCase(String name);

}

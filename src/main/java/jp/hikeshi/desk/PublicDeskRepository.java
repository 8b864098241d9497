package jp.hikeshi.desk;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** The public desks, in the order they were shipped (§7's order). */
interface PublicDeskRepository extends JpaRepository<PublicDesk, Long> {

	List<PublicDesk> findAllByOrderById();

	Optional<PublicDesk> findByCode(String code);

}

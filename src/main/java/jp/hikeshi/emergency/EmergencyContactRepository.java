package jp.hikeshi.emergency;

import org.springframework.data.jpa.repository.JpaRepository;

interface EmergencyContactRepository extends JpaRepository<EmergencyContact, String> {

}

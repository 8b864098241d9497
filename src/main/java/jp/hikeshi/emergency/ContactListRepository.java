package jp.hikeshi.emergency;

import org.springframework.data.jpa.repository.JpaRepository;

interface ContactListRepository extends JpaRepository<ContactList, Short> {

}

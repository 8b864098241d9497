package jp.hikeshi.account;

import org.springframework.data.repository.CrudRepository;

interface SignInSettingsRepository extends CrudRepository<SignInSettings, Short> {

}

package jp.hikeshi.register;

/** What kind of system or service it is. */
public enum SystemKind {

	PC, SERVER, NAS, NETWORK_DEVICE, CLOUD_SERVICE, WEBSITE, EC_SITE, OTHER

}

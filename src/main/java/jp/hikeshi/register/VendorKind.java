package jp.hikeshi.register;

/** What a vendor does for the company. */
public enum VendorKind {

	IT_VENDOR, CLOUD, HOSTING, PAYROLL, OTHER

}

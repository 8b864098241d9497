package jp.hikeshi.organisation;

/**
 * The company's line of business (事業分類 in METI's list of items to record). It decides
 * which ministry may supervise the company and which industry rules apply to reporting.
 */
public enum Industry {

	MANUFACTURING, CONSTRUCTION, INFORMATION_COMMUNICATIONS, WHOLESALE_RETAIL, FINANCE_INSURANCE, MEDICAL_WELFARE,
	EDUCATION, TRANSPORT_LOGISTICS, REAL_ESTATE, ACCOMMODATION_FOOD, PROFESSIONAL_SERVICES, ELECTRICITY_GAS_WATER,
	PUBLIC_SECTOR, OTHER

}

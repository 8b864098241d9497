package jp.hikeshi.incident.web;

import java.util.List;

import jp.hikeshi.incident.Category;
import jp.hikeshi.incident.Incident;
import jp.hikeshi.incident.LeakKind;

/** The lead corrects an escalated incident's categories and kind of leak. */
record CategoriesForm(Category category, List<Category> additionalCategories, LeakKind leakKind, long version) {

	static CategoriesForm of(Incident incident) {
		return new CategoriesForm(incident.getCategory(), List.copyOf(incident.getAdditionalCategories()),
				incident.getLeakKind(), incident.getVersion());
	}

}

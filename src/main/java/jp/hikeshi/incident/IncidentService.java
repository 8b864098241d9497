package jp.hikeshi.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import jp.hikeshi.account.Actor;
import jp.hikeshi.account.People;
import jp.hikeshi.account.UserAccount;
import jp.hikeshi.shared.ReadableTime;
import jp.hikeshi.incident.ChecklistItem.Status;
import jp.hikeshi.organisation.OrganisationService;
import jp.hikeshi.register.Register;
import jp.hikeshi.shared.BusinessRuleViolation;
import jp.hikeshi.shared.web.Paging;

import org.springframework.context.MessageSource;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the workflow: loads the incident, makes sure the actor may see it (a 404 otherwise) and
 * acted on the version they saw (a conflict otherwise), then lets the aggregate do the rest.
 */
@Service
@Transactional
public class IncidentService {

	private final IncidentRepository incidents;

	private final OrganisationService organisations;

	private final Clock clock;

	private final List<TransitionGuard> guards;

	private final PlaybookService playbooks;

	private final People people;

	private final Register register;

	private final MessageSource messages;

	private final List<RefusalWitness> witnesses;

	private final TimelineSeal seal;

	private final RareGrams rareGrams;

	@PersistenceContext
	private EntityManager entityManager;

	private final JdbcClient jdbc;

	IncidentService(IncidentRepository incidents, OrganisationService organisations, Clock clock,
			List<TransitionGuard> guards, PlaybookService playbooks, People people, Register register,
			MessageSource messages, List<RefusalWitness> witnesses, TimelineSeal seal, RareGrams rareGrams,
			JdbcClient jdbc) {
		this.seal = seal;
		this.jdbc = jdbc;
		this.rareGrams = rareGrams;
		this.people = people;
		this.register = register;
		this.messages = messages;
		this.witnesses = witnesses;
		this.incidents = incidents;
		this.organisations = organisations;
		this.clock = clock;
		this.guards = guards;
		this.playbooks = playbooks;
	}

	/** The number of the next reference (INC-2026-00042): plain SQL, as it is part of every report. */
	private long nextReferenceNumber() {
		return this.jdbc.sql("select nextval('incident_reference_seq')").query(Long.class).single();
	}

	/** Every guard of a transition that does not hold: the aggregate's own and other modules'. */
	@Transactional(readOnly = true)
	public List<Unmet> unmetGuards(Incident incident, Transition transition) {
		List<Unmet> unmet = new java.util.ArrayList<>(incident.unmetGuards(transition));
		unmet.addAll(externalGuards(incident, transition));
		return unmet;
	}

	@Transactional(readOnly = true)
	public java.util.Optional<Incident> findById(long id) {
		return this.incidents.findById(id);
	}

	/**
	 * The incident of this reference: the one the current transaction holds already (an event's
	 * listeners, just before the commit), else read.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Incident> findByReference(String reference) {
		return this.entityManager.unwrap(org.hibernate.Session.class)
			.bySimpleNaturalId(Incident.class)
			.loadOptional(reference);
	}

	@Transactional(readOnly = true)
	public List<Incident> findAllById(java.util.Collection<Long> ids) {
		return this.incidents.findAllById(ids);
	}

	private List<Unmet> externalGuards(Incident incident, Transition transition) {
		return this.guards.stream().flatMap(guard -> guard.unmet(incident, transition).stream()).toList();
	}

	/** Staff report something suspicious; returns the new incident with its reference number. */
	public Incident report(Incident.Report report, Actor reporter) {
		Instant now = now();
		if (report.discoveredAt() != null && report.discoveredAt().isAfter(now)) {
			throw jp.hikeshi.shared.BusinessRuleViolation.onField("discoveredAt", "incident.report.discoveredInFuture");
		}
		int year = now.atZone(zone()).getYear();
		String reference = String.format("INC-%d-%05d", year, nextReferenceNumber());
		Incident.Report truncated = (report.discoveredAt() == null) ? report
				: new Incident.Report(report.title(), report.description(),
						report.discoveredAt().truncatedTo(ChronoUnit.MICROS), report.affectedSystem(),
						report.stillHappening(), report.outsideReporterName(), report.outsideReporterContact(),
						report.source());
		return this.incidents.save(Incident.report(reference, truncated, reporter.username(), now));
	}

	/**
	 * A report that also names the register's systems the reporter chose and the vendor (委託先)
	 * that told the company, if one did: 発覚 is then when the vendor told it.
	 * @param systemIds systems in use, none retired; may be empty
	 * @param vendorId a vendor of the register, or {@code null}
	 */
	public Incident report(Incident.Report report, Collection<Long> systemIds, Long vendorId, Actor reporter) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(systemIds));
		Map<Long, Register.SystemEntry> systems = systemsToChoose(ids, List.of(), "systemIds");
		Register.VendorEntry vendor = (vendorId == null) ? null
				: this.register.vendor(vendorId)
					.orElseThrow(() -> BusinessRuleViolation.onField("reportedByVendorId", "incident.vendor.unknown"));
		Incident incident = report(report, reporter);
		incident.reportedWith(ids, names(systems), prefill(ids, systems, vendor), vendorId, now());
		// managed since its insert: what was added is written at the commit. Saving it again would
		// merge it into itself, which marks its collections changed and updates the row for nothing.
		return incident;
	}

	/**
	 * The lead or the response team names the register's systems the incident concerns,
	 * replacing those named before. A retired system stays named but cannot be newly chosen.
	 * @param version the incident's version the caller saw; {@code null} to take it as it is now
	 * @return the systems now named
	 */
	public List<Register.SystemEntry> chooseSystems(long id, Long version, Actor actor, Collection<Long> systemIds) {
		Incident incident = this.incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id));
		if (!incident.isVisibleTo(actor)) {
			throw new IncidentNotFoundException(id);
		}
		if (version != null && incident.getVersion() != version) {
			throw changedMeanwhile(incident);
		}
		List<Long> ids = List.copyOf(new LinkedHashSet<>(systemIds));
		List<Long> before = incident.getSystemIds();
		Map<Long, Register.SystemEntry> systems = systemsToChoose(ids, before, "systemIds");
		Map<Long, Register.SystemEntry> all = new java.util.HashMap<>(systems);
		this.register.systems(before).forEach(system -> all.putIfAbsent(system.id(), system));
		Register.VendorEntry vendor = (incident.getReportedByVendorId() == null) ? null
				: this.register.vendor(incident.getReportedByVendorId()).orElse(null);
		incident.chooseSystems(actor, ids, names(all), prefill(ids, systems, vendor), now());
		this.incidents.save(incident);
		return ids.stream().map(systems::get).toList();
	}

	/**
	 * The page's form: the systems named and the vendor that told the company, at once, on the
	 * version the page saw.
	 * @param vendorId a vendor of the register, or {@code null}: none told the company
	 */
	public void chooseSystemsAndVendor(long id, long version, Actor actor, Collection<Long> systemIds, Long vendorId) {
		chooseSystems(id, version, actor, systemIds);
		Incident incident = this.incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id));
		if (java.util.Objects.equals(incident.getReportedByVendorId(), vendorId)) {
			return;
		}
		Register.VendorEntry before = (incident.getReportedByVendorId() == null) ? null
				: this.register.vendor(incident.getReportedByVendorId()).orElse(null);
		Register.VendorEntry after = (vendorId == null) ? null
				: this.register.vendor(vendorId)
					.orElseThrow(() -> BusinessRuleViolation.onField("reportedByVendorId", "incident.vendor.unknown"));
		List<Long> ids = incident.getSystemIds();
		Map<Long, Register.SystemEntry> systems = new java.util.HashMap<>();
		this.register.systems(ids).forEach(system -> systems.put(system.id(), system));
		incident.nameReportingVendor(actor, vendorId, (before == null) ? null : before.name(),
				(after == null) ? null : after.name(), prefill(ids, systems, after), now());
		this.incidents.save(incident);
	}

	/** The register's systems the incident names, in the order they were named. */
	@Transactional(readOnly = true)
	public List<Register.SystemEntry> systemsOf(Incident incident) {
		Map<Long, Register.SystemEntry> known = new java.util.HashMap<>();
		this.register.systems(incident.getSystemIds()).forEach(system -> known.put(system.id(), system));
		return incident.getSystemIds().stream().map(known::get).filter(java.util.Objects::nonNull).toList();
	}

	/** The vendor that told the company of the incident, if one did. */
	@Transactional(readOnly = true)
	public java.util.Optional<Register.VendorEntry> reportingVendorOf(Incident incident) {
		return (incident.getReportedByVendorId() == null) ? java.util.Optional.empty()
				: this.register.vendor(incident.getReportedByVendorId());
	}

	/**
	 * The systems these ids name, refusing on the id's place ({@code systemIds[1]}) one the
	 * register does not know, or one retired that was not already named.
	 */
	private Map<Long, Register.SystemEntry> systemsToChoose(List<Long> ids, List<Long> alreadyNamed, String field) {
		Map<Long, Register.SystemEntry> known = new java.util.HashMap<>();
		this.register.systems(ids).forEach(system -> known.put(system.id(), system));
		for (int i = 0; i < ids.size(); i++) {
			Register.SystemEntry system = known.get(ids.get(i));
			if (system == null) {
				throw BusinessRuleViolation.onField(field + "[" + i + "]", "incident.systems.unknown");
			}
			if (system.retired() && !alreadyNamed.contains(system.id())) {
				throw BusinessRuleViolation.onField(field + "[" + i + "]", "incident.systems.retired", system.name());
			}
		}
		return known;
	}

	private static Map<Long, String> names(Map<Long, Register.SystemEntry> systems) {
		Map<Long, String> names = new java.util.HashMap<>();
		systems.forEach((id, system) -> names.put(id, system.name()));
		return names;
	}

	/**
	 * What the register tells of the record's items, in words: 被害を受けたシステム (the names),
	 * システム構成 (where each runs, who operates it, whether it faces the internet) and 事業者
	 * (the clients whose data they hold; the vendor that told the company, as 委託先).
	 */
	private RequiredItems prefill(List<Long> ids, Map<Long, Register.SystemEntry> systems,
			Register.VendorEntry vendor) {
		java.util.Locale locale = LocaleContextHolder.getLocale();
		List<Register.SystemEntry> chosen = ids.stream().map(systems::get).toList();
		String names = chosen.stream()
			.map(Register.SystemEntry::name)
			.reduce((a, b) -> this.messages.getMessage("list.pair", new Object[] { a, b }, locale))
			.orElse(null);
		String configuration = chosen.stream().map(system -> {
			List<String> parts = new java.util.ArrayList<>();
			if (system.location() != null) {
				parts.add(this.messages.getMessage("incident.prefill.location", new Object[] { system.location() }, locale));
			}
			if (system.vendor() != null) {
				parts.add(this.messages.getMessage("incident.prefill.operatedBy", new Object[] { system.vendor().name() },
						locale));
			}
			parts.add(this.messages.getMessage(
					system.internetFacing() ? "incident.prefill.internetFacing" : "incident.prefill.internal", null,
					locale));
			return this.messages.getMessage("incident.prefill.system",
					new Object[] { system.name(), String.join(this.messages.getMessage("incident.prefill.separator", null, locale), parts) },
					locale);
		}).collect(java.util.stream.Collectors.joining("\n"));
		List<String> parties = new java.util.ArrayList<>();
		chosen.forEach(system -> system.dataSets()
			.stream()
			.filter(data -> data.client() != null)
			.forEach(data -> parties.add(this.messages.getMessage("incident.prefill.client",
					new Object[] { data.client().name(), system.name(), data.description() }, locale))));
		if (vendor != null) {
			parties.add(this.messages.getMessage("incident.prefill.reportingVendor", new Object[] { vendor.name() },
					locale));
		}
		return new RequiredItems(clip(String.join("\n", parties), 1000), null, null, clip(names, 4000),
				clip(configuration, 4000), null, null);
	}

	private static String clip(String text, int max) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return (text.length() <= max) ? text : text.substring(0, max);
	}

	/**
	 * The security lead starts a drill (机上演習): a report made through the same path, on an
	 * incident marked 訓練 for good.
	 * @param scenario the scenario's name, for the timeline's first lines
	 */
	public Incident reportDrill(String title, String description, String scenario, Actor lead) {
		if (!lead.has(jp.hikeshi.account.Role.SECURITY_LEAD)) {
			throw new jp.hikeshi.shared.BusinessRuleViolation("drill.leadOnly");
		}
		Instant now = now();
		int year = now.atZone(zone()).getYear();
		String reference = String.format("INC-%d-%05d", year, nextReferenceNumber());
		Incident.Report report = new Incident.Report(title, description, null, null, StillHappening.UNKNOWN, null, null,
				null);
		return this.incidents.save(Incident.reportDrill(reference, report, lead.username(), scenario, now));
	}

	@Transactional(readOnly = true)
	public Incident find(long id, Actor actor) {
		Incident incident = this.incidents.findById(id).orElseThrow(() -> new IncidentNotFoundException(id));
		if (!incident.isVisibleTo(actor)) {
			throw new IncidentNotFoundException(id);
		}
		return incident;
	}

	/**
	 * The incident, for work that only the security lead and its response team may do
	 * (a 404 for anyone who may not see it, a refusal for anyone else).
	 */
	@Transactional(readOnly = true)
	public Incident findForTeam(long id, Actor actor) {
		Incident incident = find(id, actor);
		if (!actor.has(jp.hikeshi.account.Role.SECURITY_LEAD) && !incident.isOnTeam(actor.username())) {
			throw new TransitionRefused("incident.guard.notOnTeam");
		}
		return incident;
	}

	/** A report as its reporter sees it. */
	@Transactional(readOnly = true)
	public Incident findOwnReport(long id, Actor actor) {
		Incident incident = this.incidents.findById(id).orElseThrow(() -> new IncidentNotFoundException(id));
		if (!incident.isReportedBy(actor.username())) {
			throw new IncidentNotFoundException(id);
		}
		incident.getTimelineForReporter().size();
		return incident;
	}

	/** The incident with its whole timeline, checklist, team and systems, loaded in this transaction. */
	@Transactional(readOnly = true)
	public Incident findForPage(long id, Actor actor) {
		Incident incident = findForIncidentPage(id, actor);
		incident.getTimeline().size();
		return incident;
	}

	/**
	 * The incident for its own page: its checklist, team and systems, but not its timeline, of which
	 * the page shows only the newest entries ({@link #newestEntries}).
	 */
	@Transactional(readOnly = true)
	public Incident findForIncidentPage(long id, Actor actor) {
		Incident incident = find(id, actor);
		incident.getChecklist().size();
		incident.getAssignees().size();
		incident.getSystems().size();
		return incident;
	}

	/**
	 * The newest entries of an incident's timeline, at most {@code count}, oldest first: read from the
	 * index of its sequence backwards, not by loading the whole timeline.
	 */
	@Transactional(readOnly = true)
	public List<TimelineEntry> newestEntries(Incident incident, int count) {
		List<TimelineEntry> entries = new ArrayList<>(this.incidents.newestEntries(incident.getId(), Limit.of(count)));
		Collections.reverse(entries);
		return entries;
	}

	@Transactional(readOnly = true)
	public TimelineVerification verifyTimeline(long id, Actor actor) {
		return find(id, actor).verifyTimeline(this.seal);
	}

	@Transactional(readOnly = true)
	public Page<Incident> myReports(Actor actor, int page) {
		return this.incidents.findByReportedByOrderByReportedAtDesc(actor.username(), PageRequest.of(Paging.page(page), 20));
	}

	/**
	 * The reports this person made, filtered as the list is, newest first: what a member of staff
	 * may see of their own reports. The filters that concern the team's judgement (category,
	 * severity, assignee) are not theirs to use and are ignored here.
	 */
	@Transactional(readOnly = true)
	public Page<Incident> searchOwnReports(IncidentSearch search, Actor actor, Pageable pageable) {
		return this.incidents.findAll(search.toOwnReportsSpecification(actor.username()), newestFirst(pageable));
	}

	/**
	 * The lead's queue, a page of it, oldest first: reports not yet taken and those being triaged.
	 * Every work queue is read a page at a time: a queue may hold tens of thousands (a million
	 * incidents, 35,000 of them reported and untaken, ran the home page out of memory).
	 */
	@Transactional(readOnly = true)
	public Page<Incident> triageQueue(Pageable pageable) {
		return this.incidents.inEitherState(IncidentState.REPORTED, IncidentState.TRIAGE, pageable);
	}

	/** Real incidents in one state, a page of them, oldest first. */
	@Transactional(readOnly = true)
	public Page<Incident> inState(IncidentState state, Pageable pageable) {
		return this.incidents.findByStateAndDrillFalseOrderByReportedAtAscIdAsc(state, pageable);
	}

	/** How many real reports wait for a lead to take them, counted without loading them. */
	@Transactional(readOnly = true)
	public long countUntaken() {
		return this.incidents.countByStateAndDrillFalse(IncidentState.REPORTED);
	}

	/** Teams to form and closings to approve, a page of them, oldest first. */
	@Transactional(readOnly = true)
	public Page<Incident> awaitingExecutive(Pageable pageable) {
		return this.incidents.findAwaitingExecutive(pageable);
	}

	/** Closings waiting for the executive's approval, a page of them, oldest first. */
	@Transactional(readOnly = true)
	public Page<Incident> closingsToApprove(Pageable pageable) {
		return this.incidents.findClosingsToApprove(pageable);
	}

	/** The open incidents this person is responsible for or assigned to, a page of them, oldest first. */
	@Transactional(readOnly = true)
	public Page<Incident> assignedTo(Actor actor, Pageable pageable) {
		Specification<Incident> open = (root, query, builder) -> builder.and(builder.isFalse(root.get("drill")),
				root.get("state").in(EnumSet.of(IncidentState.CLOSED, IncidentState.DISMISSED)).not());
		return this.incidents.findAll(IncidentSearch.onTeam(actor.username(), this::team).and(open),
				PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
						Sort.by(Sort.Order.asc("reportedAt"), Sort.Order.asc("id"))));
	}

	/**
	 * The incidents this person is responsible for or on the team of, when there are at most
	 * {@value #FEW_ON_TEAM}; empty when there are more. Each of the two lookups stops past that
	 * many, so a person on most incidents costs no more than one on few.
	 */
	Optional<List<Long>> team(String username) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String sql : List.of("select id from incident where responsible = ?1 limit ?2",
				"select incident_id from incident_assignee where username = ?1 limit ?2")) {
			for (Object id : this.entityManager.createNativeQuery(sql)
				.setParameter(1, username)
				.setParameter(2, FEW_ON_TEAM + 1)
				.getResultList()) {
				ids.add(((Number) id).longValue());
			}
		}
		return (ids.size() > FEW_ON_TEAM) ? Optional.empty() : Optional.of(List.copyOf(ids));
	}

	/** How many incidents a person may be on for the list to name them by id. */
	static final int FEW_ON_TEAM = 1000;

	@Transactional(readOnly = true)
	public Page<Incident> search(IncidentSearch search, Actor actor, Pageable pageable) {
		return this.incidents.findAll(search.toSpecification(actor, this::team), newestFirst(pageable));
	}

	/**
	 * Every incident the actor may see, newest first, up to {@code max}, each handed to
	 * {@code each} while the transaction is open (its collections still load), read
	 * {@value #CHUNK} at a time after the last one read and let go of after each chunk, so that
	 * an export of a hundred thousand holds no more than a chunk in memory.
	 */
	@Transactional(readOnly = true)
	public void eachNewest(Actor actor, int max, Consumer<Incident> each) {
		eachNewest(actor, max, CHUNK, each);
	}

	@Transactional(readOnly = true)
	void eachNewest(Actor actor, int max, int chunkSize, Consumer<Incident> each) {
		Specification<Incident> visible = IncidentSearch.none().toSpecification(actor, this::team);
		Incident last = null;
		int read = 0;
		while (read < max) {
			Specification<Incident> after = (last == null) ? visible : visible.and(olderThan(last));
			List<Incident> chunk = newestFirst(after).setMaxResults(Math.min(chunkSize, max - read))
				.getResultList();
			chunk.forEach(each);
			read += chunk.size();
			if (chunk.size() < chunkSize) {
				return;
			}
			last = chunk.get(chunk.size() - 1);
			this.entityManager.clear();
		}
	}

	/** How many incidents {@link #eachNewest} reads at a time. */
	static final int CHUNK = 500;

	/** Incidents after this one newest first: reported before it, or at the same moment with a lower id. */
	private static Specification<Incident> olderThan(Incident last) {
		Instant at = last.getReportedAt();
		long id = last.getId();
		return (root, query, builder) -> builder.or(builder.lessThan(root.get("reportedAt"), at),
				builder.and(builder.equal(root.get("reportedAt"), at), builder.lessThan(root.get("id"), id)));
	}

	/**
	 * The list's page, newest first, with its matches counted no further than
	 * {@value #COUNTED_UP_TO} (or just past the page asked for): counting every match of a
	 * frequent word among a million incidents takes seconds, and nobody reads past the
	 * thousandth. The page then says "1,000件以上".
	 */
	@Transactional(readOnly = true)
	public ListPage listPage(IncidentSearch search, Actor actor, Pageable pageable) {
		return listPage(search, actor, pageable, COUNTED_UP_TO, READ_NEWEST_FIRST);
	}

	@Transactional(readOnly = true)
	ListPage listPage(IncidentSearch search, Actor actor, Pageable pageable, int countedUpTo) {
		return listPage(search, actor, pageable, countedUpTo, READ_NEWEST_FIRST);
	}

	/**
	 * Words are looked for in two steps, since no one plan suits both a frequent word and a rare
	 * one. First the newest incidents the other filters leave are read row by row: a thirtieth of
	 * {@code readNewestFirst}, and then, at the rate the words were found there, as many more as
	 * should hold the count's bound, or else the page, as long as all of them stay within
	 * {@code readNewestFirst} (a third of it for words holding a newline, whose fields are lowered
	 * one by one, which triples a row's cost: {@link IncidentSearch#spansLines}). 「メ」 (a third of
	 * the incidents), 「盗」 (one in sixteen) and 「windows」 (one in six) are counted so. Only the rest
	 * asks the gram index (V49) for the candidates among all incidents, which the words' own check
	 * then confirms: a rare or absent word is answered at once, where reading newest first would read
	 * every incident, while for a frequent one the index lists every incident holding its rarest gram
	 * (about a quarter of a microsecond each, where a row read costs a third to half a microsecond).
	 * When the newest gave the page, the index only counts. Otherwise it is asked for candidates in
	 * any order up to the count's bound: fewer are every match, which only need ordering; more, and
	 * the page is found window by window of time ({@link #olderMatches}).
	 * No query reads newest first without a bound: the planner, misjudging how often the words
	 * match, may sort every match instead.
	 */
	@Transactional(readOnly = true)
	ListPage listPage(IncidentSearch search, Actor actor, Pageable pageable, int countedUpTo, int readNewestFirst) {
		int bound = (int) Math.max(countedUpTo, pageable.getOffset() + pageable.getPageSize()) + 1;
		// the list and the incidents it reads newest first both need the person's team
		IncidentSearch.Teams teams = ((IncidentSearch.Teams) this::team).remembered();
		Specification<Incident> matching = search.toSpecification(actor, teams);
		if (!search.hasText()) {
			return pageAndCount(matching, search.state() != null, pageable, bound);
		}
		// each query below reads thousands of rows, tens of thousands at most: starting parallel
		// workers for them costs more than it saves (measured on two cores at a million incidents)
		// and the gram index's bitmap kept exact: with the default 4 MB, the 166,667 incidents holding
		// 「wi」 of 「windows」 at a million made it lossy, and each incident on a lossy page then had its
		// grams computed again to be checked (~50 µs each: 180 ms instead of 62 for one query)
		this.entityManager
			.createNativeQuery("select set_config('max_parallel_workers_per_gather', '0', true), "
					+ "set_config('work_mem', '" + SEARCH_WORK_MEM + "', true)")
			.getResultList();
		int from = (int) pageable.getOffset();
		int to = from + pageable.getPageSize();
		int affordable = Math.max(1, search.spansLines() ? readNewestFirst / 3 : readNewestFirst);
		Specification<Incident> others = search.withoutText().toSpecification(actor, teams);
		List<Long> newest = new ArrayList<>();
		Instant before = null;
		int read = Math.max(1, readNewestFirst / 30);
		// the newest incidents read so far: those reported since this moment, about this many
		Instant readSince = null;
		int readRows = 0;
		for (int slice = 0; slice < 2; slice++) {
			Instant since = reportedAtOf(others, read);
			Specification<Incident> newer = (since == null) ? matching : matching.and(reportedSince(since));
			newest.addAll(ids((before == null) ? newer : newer.and(reportedBefore(before)), true, bound - newest.size()));
			if (since == null || newest.size() == bound) {
				// every match is among them, or enough for the count to stop
				List<Long> page = newest.subList(Math.min(from, newest.size()), Math.min(to, newest.size()));
				return new ListPage(new PageImpl<>(inOrder(page), pageable, newest.size()), newest.size() == bound);
			}
			readSince = since;
			readRows = read;
			int more = enoughToHold(bound, newest.size(), read, affordable);
			if (more <= read && newest.size() < to) {
				more = enoughToHold(to, newest.size(), read, affordable);
			}
			if (newest.isEmpty() && shareHolds(bound, this.rareGrams.shareOf(search.words()), affordable)) {
				// none among the newest, yet ANALYZE found the word in so many incidents that the
				// index would list hundreds of thousands (「メ」, a third of a seed whose last 22,000
				// reports hold none: half a second); the newest are unlike the rest, so read as many
				// of them as can be afforded, which the count's bound may end sooner
				more = affordable;
			}
			if (more <= read) {
				break;
			}
			before = since;
			read = more;
		}
		Specification<Incident> indexed = matching.and(search.mayContainText(this.rareGrams.of(search.words())));
		if (newest.size() >= to) {
			// the page is known; the count takes the candidates in whatever order is quickest
			int matches = ids(indexed, false, bound).size();
			return new ListPage(new PageImpl<>(inOrder(newest.subList(from, to)), pageable, matches), matches == bound);
		}
		// the index's candidates in whatever order is quickest, up to the count's bound: a rare word's
		// few matches (a reference: its grams are each in most incidents, together in one) are all of
		// them, which then only need ordering
		List<Reported> any = reported(indexed, bound);
		if (any.size() < bound) {
			List<Long> all = any.stream().sorted(Reported.NEWEST_FIRST).map(Reported::id).toList();
			List<Long> page = all.subList(Math.min(from, all.size()), Math.min(to, all.size()));
			return new ListPage(new PageImpl<>(inOrder(page), pageable, all.size()), false);
		}
		// more matches than the count's bound, too few among the newest for the page
		List<Long> found = olderMatches(indexed, matching, others, newest, to, readSince, readRows,
				this.rareGrams.rarestShare(search.words()), affordable);
		List<Long> page = found.subList(Math.min(from, found.size()), Math.min(to, found.size()));
		return new ListPage(new PageImpl<>(inOrder(page), pageable, bound), true);
	}

	/** An incident's id and when it was reported. */
	record Reported(long id, Instant at) {

		/** The list's order. */
		static final Comparator<Reported> NEWEST_FIRST = Comparator.comparing(Reported::at)
			.thenComparingLong(Reported::id)
			.reversed();

	}

	/** The first {@code max} matches with when each was reported, in whatever order is quickest. */
	private List<Reported> reported(Specification<Incident> matching, int max) {
		CriteriaBuilder criteria = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Reported> reported = criteria.createQuery(Reported.class);
		Root<Incident> incident = reported.from(Incident.class);
		reported.select(criteria.construct(Reported.class, incident.get("id"), incident.get("reportedAt")))
			.where(matching.toPredicate(incident, reported, criteria));
		return this.entityManager.createQuery(reported).setMaxResults(max).getResultList();
	}

	/**
	 * The page's matches older than the newest ones read, newest first, through the gram index, one
	 * window of time at a time, for words with more matches than the count's bound: the index lists
	 * every incident holding the words' rarest grams, and ordering them reads each one, so a frequent
	 * word would read a sixth of a million incidents for a page of fifty (「windows」 behind 22,000
	 * reports that hold none: half a second). A window holds as many incidents as should hold the
	 * page at the grams' share, at least eight times those read so far; the next one as many as
	 * should hold the rest at the rate the words turned up, or eight times all read so far when they
	 * did not. Past {@value #WINDOWS_UP_TO} incidents, or for grams rarer than the most common, the
	 * window is all the rest. A window of at most {@code affordable} incidents is read row by row
	 * instead, as the newest were (a frequent gram's postings cost more than the rows: 「ランサムウェア」
	 * behind 40,000 load-test reports, 20 ms from the index, 2.4 ms row by row for its first window).
	 * Returns the matches already found and those of the windows, up to {@code to}.
	 */
	private List<Long> olderMatches(Specification<Incident> indexed, Specification<Incident> matching,
			Specification<Incident> others, List<Long> newest, int to, Instant readSince, int readRows, float share,
			int affordable) {
		List<Long> found = new ArrayList<>(newest);
		Instant upTo = readSince;
		long rows = readRows;
		// a window read through the index asks it again, which costs more than the candidates it lists
		long window = (share > 0) ? Math.max(8L * rows, (long) Math.ceil(FOR_CHANCE * (to - found.size()) / share)) : -1;
		while (true) {
			// the incidents read once this window is: as many as it holds, up to the windows' bound
			long reach = Math.min(rows + window, WINDOWS_UP_TO);
			Instant from = (window < 0 || rows >= WINDOWS_UP_TO) ? null : reportedAtOf(others, (int) reach);
			Specification<Incident> candidates = (from != null && reach - rows <= affordable) ? matching : indexed;
			Specification<Incident> older = (upTo == null) ? candidates : candidates.and(reportedBefore(upTo));
			int before = found.size();
			found.addAll(ids((from == null) ? older : older.and(reportedSince(from)), true, to - found.size()));
			if (from == null || found.size() >= to) {
				return found;
			}
			int more = found.size() - before;
			window = reach - rows;
			rows = reach;
			// at the rate found in this window, or eight times all read so far when none
			window = (more == 0) ? 8L * rows : (long) Math.ceil(FOR_CHANCE * (to - found.size()) * window / more);
			upTo = from;
		}
	}

	/** What an expected number of rows is multiplied by, so that chance rarely leaves it short: a fifth more. */
	private static final double FOR_CHANCE = 1.2;

	/**
	 * How many of the newest incidents should hold {@code wanted} matches, at the rate of
	 * {@code found} in the {@code read} newest, {@link #FOR_CHANCE} included; or {@code read}
	 * itself when that is more than {@code affordable} (or nothing was found to judge by).
	 */
	private static int enoughToHold(int wanted, int found, int read, int affordable) {
		if (found == 0) {
			return read;
		}
		long enough = (long) Math.ceil(FOR_CHANCE * wanted * read / found);
		return (enough > affordable) ? read : (int) Math.max(enough, read + 1L);
	}

	/** Whether {@code affordable} incidents should hold {@code wanted} matches at the given share, {@link #FOR_CHANCE} included. */
	private static boolean shareHolds(int wanted, float share, int affordable) {
		return share > 0 && FOR_CHANCE * wanted / share <= affordable;
	}

	/** The page, newest first, and its matches counted up to the bound unless it is the last page. */
	private ListPage pageAndCount(Specification<Incident> matching, boolean byState, Pageable pageable, int bound) {
		// by state, the page's ids first, then its incidents: asked for whole rows newest first,
		// PostgreSQL walks every incident newest first and keeps those in the state, trusting them
		// spread evenly; behind a run of alike reports (145,547 untaken after a load test) the 25
		// newest closed ones read them all (53 ms). For the ids alone it reads the index of the state
		// (V61) and nothing else. Otherwise in one query: the second costs the plain list a tenth.
		List<Incident> content = byState
				? inOrder(ids(matching, true, (int) pageable.getOffset(), pageable.getPageSize()))
				: newestFirst(matching).setFirstResult((int) pageable.getOffset())
					.setMaxResults(pageable.getPageSize())
					.getResultList();
		if (content.size() < pageable.getPageSize() && (!content.isEmpty() || pageable.getOffset() == 0)) {
			// the last page: its matches are known without counting
			return new ListPage(new PageImpl<>(content, pageable, pageable.getOffset() + content.size()), false);
		}
		int matches = ids(matching, false, bound).size();
		return new ListPage(new PageImpl<>(content, pageable, matches), matches == bound);
	}

	/** These incidents in the list's order, newest first. */
	private TypedQuery<Incident> newestFirst(Specification<Incident> matching) {
		CriteriaBuilder criteria = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Incident> select = criteria.createQuery(Incident.class);
		Root<Incident> incident = select.from(Incident.class);
		select.where(matching.toPredicate(incident, select, criteria))
			.orderBy(criteria.desc(incident.get("reportedAt")), criteria.desc(incident.get("id")));
		return this.entityManager.createQuery(select);
	}

	/** The ids of the first {@code max} matches, newest first or in whatever order is quickest. */
	private List<Long> ids(Specification<Incident> matching, boolean newestFirst, int max) {
		return ids(matching, newestFirst, 0, max);
	}

	/** The ids of {@code max} matches after the first {@code skipped}. */
	private List<Long> ids(Specification<Incident> matching, boolean newestFirst, int skipped, int max) {
		CriteriaBuilder criteria = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> ids = criteria.createQuery(Long.class);
		Root<Incident> incident = ids.from(Incident.class);
		ids.select(incident.get("id")).where(matching.toPredicate(incident, ids, criteria));
		if (newestFirst) {
			ids.orderBy(criteria.desc(incident.get("reportedAt")), criteria.desc(incident.get("id")));
		}
		return this.entityManager.createQuery(ids).setFirstResult(skipped).setMaxResults(max).getResultList();
	}

	/**
	 * When the {@code nth} newest of these incidents was reported, or null when there are fewer:
	 * those reported since then are the newest ones, with a few more reported at that moment.
	 */
	private Instant reportedAtOf(Specification<Incident> matching, int nth) {
		CriteriaBuilder criteria = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Instant> at = criteria.createQuery(Instant.class);
		Root<Incident> incident = at.from(Incident.class);
		at.select(incident.get("reportedAt"))
			.where(matching.toPredicate(incident, at, criteria))
			.orderBy(criteria.desc(incident.get("reportedAt")), criteria.desc(incident.get("id")));
		List<Instant> nthNewest = this.entityManager.createQuery(at).setFirstResult(nth - 1).setMaxResults(1).getResultList();
		return nthNewest.isEmpty() ? null : nthNewest.get(0);
	}

	private static Specification<Incident> reportedSince(Instant since) {
		return (root, query, builder) -> builder.greaterThanOrEqualTo(root.get("reportedAt"), since);
	}

	private static Specification<Incident> reportedBefore(Instant before) {
		return (root, query, builder) -> builder.lessThan(root.get("reportedAt"), before);
	}

	/** These incidents, in this order. */
	private List<Incident> inOrder(List<Long> ids) {
		Map<Long, Incident> byId = new java.util.HashMap<>();
		this.incidents.findAllById(ids).forEach(incident -> byId.put(incident.getId(), incident));
		return ids.stream().map(byId::get).toList();
	}

	/** Past this many matches the list stops counting. */
	public static final int COUNTED_UP_TO = 1000;

	/**
	 * How many of the newest incidents a search reads row by row at most before it asks the gram
	 * index (a third as many for words holding a newline, whose fields are lowered one by one).
	 */
	static final int READ_NEWEST_FIRST = 30000;

	/** The memory a search's query may sort and hold its bitmaps in, for this transaction only. */
	static final String SEARCH_WORK_MEM = "16MB";

	/**
	 * How far back the older matches are looked for window by window, in incidents: finding where
	 * a window starts reads the index of when each was reported that far.
	 */
	static final int WINDOWS_UP_TO = 100000;

	/**
	 * A page of the list.
	 * @param countStopped whether counting stopped at the page's bound: there are at least
	 * {@code page.totalElements - 1} matches, and the last page is not known
	 */
	public record ListPage(Page<Incident> page, boolean countStopped) {

		/** How many matches there are at least, when counting stopped. */
		public long atLeast() {
			return this.page.getTotalElements() - 1;
		}

	}

	/**
	 * Which of these login names are no enabled account: a team may name only people who can
	 * sign in (the page and the API refuse the others before the move is tried).
	 */
	@Transactional(readOnly = true)
	public Set<String> notEnabled(Collection<String> usernames) {
		Map<String, UserAccount> known = this.people.accounts(usernames);
		Set<String> unknown = new LinkedHashSet<>();
		for (String username : usernames) {
			UserAccount account = known.get(username);
			if (account == null || !account.isEnabled()) {
				unknown.add(username);
			}
		}
		return unknown;
	}

	private static Pageable newestFirst(Pageable pageable) {
		return PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
				Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.desc("id")));
	}

	// --- commands: each on the version the actor saw ---

	/**
	 * The one entry point for every move of {@link Transition}: the aggregate's guards and every
	 * other module's ({@link TransitionGuard}) apply to each, so a guard the page shows is a guard
	 * that is enforced.
	 */
	public void perform(long id, long version, Actor actor, Move move) {
		Playbook playbook = (move.transition() == Transition.ESCALATE) ? this.playbooks.current() : Playbook.DEFAULT;
		try {
			act(id, version, actor,
					incident -> incident.perform(move, actor, externalGuards(incident, move.transition()), playbook, now()));
		}
		catch (TransitionRefused refused) {
			// a drill's debrief shows the guards that stopped the team: they are written down
			// outside this transaction, which the refusal rolls back
			this.incidents.findById(id)
				.filter(Incident::isDrill)
				.ifPresent(incident -> this.witnesses
					.forEach(witness -> witness.refused(incident.getId(), actor, move.transition(), refused.unmet())));
			throw refused;
		}
	}

	public void take(long id, long version, Actor actor) {
		perform(id, version, actor, Move.of(Transition.TAKE));
	}

	public void dismiss(long id, long version, Actor actor, String reason) {
		perform(id, version, actor, Move.withReason(Transition.DISMISS, reason));
	}

	public void reopen(long id, long version, Actor actor, String reason) {
		perform(id, version, actor, Move.withReason(Transition.REOPEN, reason));
	}

	public void escalate(long id, long version, Actor actor, Category category, LeakKind leakKind, Severity severity,
			String note) {
		perform(id, version, actor, Move.escalate(category, leakKind, severity, note));
	}

	/**
	 * Escalates with a primary category and the incident's other categories.
	 * @param additional further categories (ransomware that also leaked data); may be empty
	 */
	public void escalate(long id, long version, Actor actor, Category category, java.util.Set<Category> additional,
			LeakKind leakKind, Severity severity, String note) {
		perform(id, version, actor, Move.escalate(category, additional, leakKind, severity, note));
	}

	/** The lead corrects the categories of an escalated incident; the points of categories added join its checklist. */
	public void changeCategories(long id, long version, Actor actor, Category primary,
			java.util.Set<Category> additional, LeakKind leakKind) {
		Playbook playbook = this.playbooks.current();
		act(id, version, actor,
				incident -> incident.changeCategories(actor, primary, additional, leakKind, playbook, now()));
	}

	public void formTeam(long id, long version, Actor actor, String responsible, List<Assignee> team) {
		perform(id, version, actor, Move.formTeam(responsible, team));
	}

	public void startContainment(long id, long version, Actor actor) {
		perform(id, version, actor, Move.of(Transition.START_CONTAINMENT));
	}

	public void finishContainment(long id, long version, Actor actor) {
		perform(id, version, actor, Move.of(Transition.FINISH_CONTAINMENT));
	}

	public void startRecovery(long id, long version, Actor actor) {
		perform(id, version, actor, Move.of(Transition.START_RECOVERY));
	}

	public void startPrevention(long id, long version, Actor actor) {
		perform(id, version, actor, Move.of(Transition.START_PREVENTION));
	}

	public void approveClosing(long id, long version, Actor actor) {
		perform(id, version, actor, Move.of(Transition.APPROVE_CLOSING));
	}

	public void close(long id, long version, Actor actor) {
		perform(id, version, actor, Move.of(Transition.CLOSE));
	}

	public void reenter(long id, long version, Actor actor, IncidentState target, String reason) {
		perform(id, version, actor, Move.reenter(target, reason));
	}

	public void confirmRecovery(long id, long version, Actor actor, String checks, boolean reportedToExecutive) {
		act(id, version, actor, incident -> incident.confirmRecovery(actor, checks, reportedToExecutive, now()));
	}

	public void decideChecklistItem(long id, long version, Actor actor, long itemId, Status status, String reason) {
		act(id, version, actor, incident -> incident.decideChecklistItem(actor, itemId, status, reason, now()));
	}

	public void updateRecord(long id, long version, Actor actor, RequiredItems record, Instant occurredAt,
			Instant discoveredAt) {
		updateRecord(id, version, actor, record, occurredAt, discoveredAt, null);
	}

	/** @param discoveredLateReason why 発覚 is later than the report arrived; required only then */
	public void updateRecord(long id, long version, Actor actor, RequiredItems record, Instant occurredAt,
			Instant discoveredAt, String discoveredLateReason) {
		act(id, version, actor, incident -> incident.updateRecord(actor, record, occurredAt, discoveredAt,
				discoveredLateReason, now()));
	}

	public void updateCauseAndSystems(long id, long version, Actor actor, String assumedCause, String affectedSystems) {
		act(id, version, actor, incident -> incident.updateCauseAndSystems(actor, assumedCause, affectedSystems, now()));
	}

	public void recordDamage(long id, long version, Actor actor, Long directYen, Long indirectYen,
			java.math.BigDecimal days) {
		act(id, version, actor, incident -> incident.recordDamage(actor, directYen, indirectYen, days, now()));
	}

	/**
	 * A note of the response team: history, so it never conflicts with what others do meanwhile.
	 * @return the timeline entry the note became
	 */
	public TimelineEntry addNote(long id, Actor actor, String note) {
		Incident incident = this.incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id));
		if (!incident.isVisibleTo(actor)) {
			throw new IncidentNotFoundException(id);
		}
		TimelineEntry entry = incident.addNote(actor, note, now());
		this.incidents.save(incident);
		return entry;
	}

	/** The reporter adds information to their own report (no version: additions never conflict in meaning). */
	public void addInformation(long id, Actor actor, String information) {
		Incident incident = this.incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id));
		if (!incident.isReportedBy(actor.username())) {
			throw new IncidentNotFoundException(id);
		}
		incident.addInformation(actor, information, now());
		this.incidents.save(incident);
	}

	/** The organisation's zone, in which the pages show and take times. */
	public ZoneId zone() {
		return this.organisations.timeZone();
	}

	private void act(long id, long version, Actor actor, Consumer<Incident> command) {
		Incident incident = this.incidents.findForUpdate(id).orElseThrow(() -> new IncidentNotFoundException(id));
		if (!incident.isVisibleTo(actor)) {
			throw new IncidentNotFoundException(id);
		}
		if (incident.getVersion() != version) {
			throw changedMeanwhile(incident);
		}
		command.accept(incident);
		this.incidents.save(incident);
	}

	/** Someone else changed the incident since the page was loaded: say who, what and when. */
	private RuntimeException changedMeanwhile(Incident incident) {
		return incident.lastChange()
			.<RuntimeException>map(entry -> new IncidentChangedMeanwhile(this.people.directory().name(entry.getActor()),
					entry.getKind(), ReadableTime.dateTime(entry.getOccurredAt(), zone(), LocaleContextHolder.getLocale())))
			.orElseGet(() -> new ObjectOptimisticLockingFailureException(Incident.class, incident.getId()));
	}

	/** PostgreSQL keeps microseconds: the timeline hashes what will be read back. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}

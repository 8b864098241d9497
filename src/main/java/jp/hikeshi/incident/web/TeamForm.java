package jp.hikeshi.incident.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import jp.hikeshi.incident.Assignee;
import jp.hikeshi.incident.Move;
import jp.hikeshi.shared.PlainText;

/**
 * The executive forms the response team: the responsible person and the members with their
 * duties. A class, not a record: the form carries the list of candidates it renders (with
 * their names), and the same list comes back with the choices made.
 */
public class TeamForm {

	@Size(max = 64)
	private String responsible;

	@Valid
	private List<Member> members = new ArrayList<>();

	private long version;

	Move toMove() {
		return Move.formTeam(this.responsible, team());
	}

	List<Assignee> team() {
		return this.members.stream()
			.filter(Member::isSelected)
			.map(member -> new Assignee(member.getUsername(), member.getDuty()))
			.toList();
	}

	public String getResponsible() {
		return this.responsible;
	}

	public void setResponsible(String responsible) {
		this.responsible = responsible;
	}

	public List<Member> getMembers() {
		return this.members;
	}

	public void setMembers(List<Member> members) {
		this.members = members;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	/** One candidate member of the team. */
	public static class Member {

		@Size(max = 64)
		private String username;

		private String displayName;

		private boolean selected;

		@Size(max = 200)
		@PlainText
		private String duty;

		public Member() {
		}

		Member(String username, String displayName) {
			this.username = username;
			this.displayName = displayName;
		}

		public String getUsername() {
			return this.username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getDisplayName() {
			return this.displayName;
		}

		public void setDisplayName(String displayName) {
			this.displayName = displayName;
		}

		public boolean isSelected() {
			return this.selected;
		}

		public void setSelected(boolean selected) {
			this.selected = selected;
		}

		public String getDuty() {
			return this.duty;
		}

		public void setDuty(String duty) {
			this.duty = duty;
		}

	}

}

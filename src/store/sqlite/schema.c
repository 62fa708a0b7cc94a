#include "samtale/util.h"
#include "sqlite_int.h"

/*
 * The schema
 *
 * One migration per schema version, applied in order inside one write
 * transaction; PRAGMA user_version is the number of migrations applied.
 * A released migration never changes: tests/fixtures/db/ keeps a database
 * made by each released version, and the tests open it under this one.
 *
 *   cases          one woman's case: ref (journal number, unique), initials,
 *                  caseworker, opened/closed, her profile in her words, a
 *                  column per field of profile_fields[], last_meeting (the
 *                  date of its latest meeting, kept by the triggers on
 *                  meetings), batch (batch.c)
 *   meetings       case_id → cases ON DELETE CASCADE; date, type (content
 *                  meeting type id), caseworker, note, agreed (the summary
 *                  for her), interpreter (language, NULL = none), next_date,
 *                  next_time, next_place (the next appointment, for her copy)
 *   section_keys   id, key: each section id ("tro") meetings hold, once
 *   item_keys      id, key (the full item id, "tro.sig-det"), section →
 *                  section_keys; unique together
 *   wordings       id, item → item_keys, hash (wording_hash of the text),
 *                  text: each wording an item was held with, once
 *                  (wordings.c); never changed or removed
 *   checklist      meeting_id → meetings ON DELETE CASCADE, position: the
 *                  items the meeting was held with, in order, snapshotted
 *                  at creation: wording → wordings (so also the item and
 *                  its section, as asked that day), state (enum item_state's
 *                  numbers), note. WITHOUT ROWID: the key is the row.
 *   section_counts meeting_id → meetings ON DELETE CASCADE, section →
 *                  section_keys: the meeting's items of that section open,
 *                  done and not relevant, for the reports; a row only while
 *                  one of them is not 0. Kept by the triggers on checklist
 *                  in the transaction of every change; db check compares
 *                  it with the checklist and db check --repair rebuilds it.
 *   followups      case_id → cases CASCADE, meeting_id → meetings SET NULL;
 *                  due, text, assignee (the caseworker following it up),
 *                  her (1: she is the one to act), done
 *   internships    case_id → cases ON DELETE CASCADE; workplace, field,
 *                  from_date, planned_to, ended, contact (name and role at
 *                  the workplace), goal (her words), job_possible
 *                  (yes/no/unknown), outcome (NULL while running),
 *                  outcome_reason, caseworker (who recorded it)
 *   audit          at (UTC), user (--user), login (the process's login
 *                  name), action, case_id, object_id, detail. Never
 *                  personal data: no notes, profile text or references.
 *   batches        the unfinished bulk work (batch.c)
 *
 * The triggers are samtale's own (sqlite_schema_triggers[]); a file holding
 * any other is refused.
 */

/* The section of a checklist row r (NEW or OLD) and its counts as the
 * values of a row of section_counts. */
#define ROW_SECTION(r) "(SELECT i.section FROM wordings w JOIN item_keys i ON i.id = w.item" \
	" WHERE w.id = " r ".wording)"
#define ROW_COUNTS(r) r ".state = " SQL_OPEN ", " r ".state = " SQL_DONE ", " \
	r ".state = " SQL_NOT_RELEVANT

/* section_counts follows the checklist; a row whose counts are all 0 goes. */
#define COUNTS_ADD(r) \
	" INSERT INTO section_counts (meeting_id, section, open, done, not_relevant)" \
	" SELECT " r ".meeting_id, " ROW_SECTION(r) ", " ROW_COUNTS(r) " WHERE true" \
	" ON CONFLICT (meeting_id, section) DO UPDATE SET open = open + excluded.open," \
	" done = done + excluded.done, not_relevant = not_relevant + excluded.not_relevant;"
#define COUNTS_REMOVE(r) \
	" UPDATE section_counts SET open = open - (" r ".state = " SQL_OPEN ")," \
	" done = done - (" r ".state = " SQL_DONE "), not_relevant = not_relevant - (" r ".state = " \
	SQL_NOT_RELEVANT ") WHERE meeting_id = " r ".meeting_id AND section = " ROW_SECTION(r) ";" \
	" DELETE FROM section_counts WHERE meeting_id = " r ".meeting_id AND open = 0 AND done = 0" \
	" AND not_relevant = 0;"
#define TRIGGER_CHECKLIST_ADD \
	"CREATE TRIGGER checklist_add AFTER INSERT ON checklist BEGIN" COUNTS_ADD("NEW") " END"
#define TRIGGER_CHECKLIST_REMOVE \
	"CREATE TRIGGER checklist_remove AFTER DELETE ON checklist BEGIN" COUNTS_REMOVE("OLD") " END"
#define TRIGGER_CHECKLIST_CHANGE \
	"CREATE TRIGGER checklist_change AFTER UPDATE OF meeting_id, wording, state ON checklist BEGIN" \
	COUNTS_REMOVE("OLD") COUNTS_ADD("NEW") " END"

/* cases.last_meeting follows the meetings. */
#define TRIGGER_MEETING_ADD \
	"CREATE TRIGGER meeting_add AFTER INSERT ON meetings BEGIN" \
	" UPDATE cases SET last_meeting = NEW.date WHERE id = NEW.case_id" \
	" AND (last_meeting IS NULL OR last_meeting < NEW.date); END"
#define TRIGGER_MEETING_REMOVE \
	"CREATE TRIGGER meeting_remove AFTER DELETE ON meetings BEGIN" \
	" UPDATE cases SET last_meeting = " LAST_MEETING_OF("OLD.case_id") " WHERE id = OLD.case_id; END"
#define TRIGGER_MEETING_MOVE \
	"CREATE TRIGGER meeting_move AFTER UPDATE OF case_id, date ON meetings BEGIN" \
	" UPDATE cases SET last_meeting = " LAST_MEETING_OF("cases.id") \
	" WHERE id IN (OLD.case_id, NEW.case_id); END"


const char *const sqlite_migrations[] = {
	/* 1: the first release */
	"CREATE TABLE cases ("
	" id INTEGER PRIMARY KEY,"
	" ref TEXT NOT NULL UNIQUE,"
	" initials TEXT,"
	" caseworker TEXT NOT NULL,"
	" opened TEXT NOT NULL,"
	" closed TEXT,"
	" qualifications TEXT,"
	" job_wishes TEXT,"
	" education_wishes TEXT);"
	"CREATE TABLE meetings ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" caseworker TEXT NOT NULL,"
	" note TEXT,"
	" agreed TEXT);"
	"CREATE INDEX meetings_case ON meetings(case_id, date);"
	"CREATE TABLE meeting_items ("
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" item_id TEXT NOT NULL,"
	" section_id TEXT NOT NULL,"
	" position INTEGER NOT NULL,"
	" text TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'not_relevant')),"
	" note TEXT,"
	" PRIMARY KEY (meeting_id, item_id));"
	"CREATE TABLE followups ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,"
	" due TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" assignee TEXT NOT NULL,"
	" done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)));"
	"CREATE INDEX followups_case ON followups(case_id);"
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" user TEXT NOT NULL,"
	" action TEXT NOT NULL,"
	" case_id INTEGER,"
	" object_id INTEGER);",

	/* 2: interpreter, the login name in the audit log (team databases),
	 * and the indexes the reports and follow-up lists need. */
	"ALTER TABLE meetings ADD COLUMN interpreter TEXT;"
	"ALTER TABLE audit ADD COLUMN login TEXT;"
	"ALTER TABLE audit ADD COLUMN detail TEXT;"
	"CREATE INDEX meetings_date ON meetings(date);"
	"CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id, position);"
	"CREATE INDEX followups_due ON followups(done, due);"
	"CREATE INDEX followups_assignee ON followups(assignee, done, due);"
	"CREATE INDEX audit_case ON audit(case_id);",

	/* 3: her profile field by field (qualifications stays, for what was
	 * mapped before), the next appointment agreed in a meeting (her copy),
	 * and follow-ups where she is the one to act. */
	"ALTER TABLE cases ADD COLUMN education TEXT;"
	"ALTER TABLE cases ADD COLUMN work_experience TEXT;"
	"ALTER TABLE cases ADD COLUMN languages TEXT;"
	"ALTER TABLE cases ADD COLUMN other_skills TEXT;"
	"ALTER TABLE cases ADD COLUMN goals TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_date TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_time TEXT;"
	"ALTER TABLE meetings ADD COLUMN next_place TEXT;"
	"ALTER TABLE followups ADD COLUMN her INTEGER NOT NULL DEFAULT 0 CHECK (her IN (0, 1));",

	/* 4: her internships (SPEC §1 rule 5). The words are those of
	 * job_possible_words and outcome_words (store/internships.c). */
	"CREATE TABLE internships ("
	" id INTEGER PRIMARY KEY,"
	" case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,"
	" workplace TEXT NOT NULL,"
	" field TEXT,"
	" from_date TEXT NOT NULL,"
	" planned_to TEXT,"
	" ended TEXT,"
	" contact TEXT,"
	" goal TEXT,"
	" job_possible TEXT NOT NULL DEFAULT 'unknown' CHECK (job_possible IN ('yes', 'no', 'unknown')),"
	" outcome TEXT CHECK (outcome IN ('employed', 'education', 'extended', 'ended-early', 'completed')),"
	" outcome_reason TEXT,"
	" caseworker TEXT NOT NULL);"
	"CREATE INDEX internships_case ON internships(case_id, from_date);"
	"CREATE INDEX internships_from ON internships(from_date);",

	/* 5: bulk work in short steps (batch.c). A batch is a row of batches
	 * while it is unfinished: the cases an import is writing, or those an
	 * erasure is deleting, carry its id and are seen by nobody. The ids
	 * are never reused, so that a finished batch's id left on its cases
	 * hides nothing. */
	"CREATE TABLE batches ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" kind TEXT NOT NULL CHECK (kind IN ('add', 'erase')),"
	" action TEXT NOT NULL);"
	"ALTER TABLE cases ADD COLUMN batch INTEGER;"
	"CREATE INDEX cases_batch ON cases(batch) WHERE batch IS NOT NULL;",

	/* 6: a compact checklist, its counts kept, each case's last meeting:
	 * a third of the size, and reports that read a row per meeting and
	 * section. The old rows are renumbered in their order, so that the
	 * positions are a key. The open cases are counted from an index
	 * (closed, always NULL there, is in it so that the count reads it
	 * alone), and the follow-up lists, which show the open ones, read
	 * indexes of those only. */
	"CREATE TABLE section_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);"
	"CREATE TABLE item_keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL,"
	" section INTEGER NOT NULL REFERENCES section_keys(id), UNIQUE (key, section));"
	"CREATE TABLE wordings (id INTEGER PRIMARY KEY,"
	" item INTEGER NOT NULL REFERENCES item_keys(id), hash INTEGER NOT NULL, text TEXT NOT NULL);"
	"CREATE INDEX wordings_hash ON wordings(hash);"
	"CREATE TABLE checklist ("
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" position INTEGER NOT NULL,"
	" wording INTEGER NOT NULL REFERENCES wordings(id),"
	" state INTEGER NOT NULL DEFAULT " SQL_OPEN
	" CHECK (state IN (" SQL_OPEN ", " SQL_DONE ", " SQL_NOT_RELEVANT ")),"
	" note TEXT,"
	" PRIMARY KEY (meeting_id, position)) WITHOUT ROWID;"
	"CREATE TABLE section_counts ("
	" meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,"
	" section INTEGER NOT NULL REFERENCES section_keys(id),"
	" open INTEGER NOT NULL, done INTEGER NOT NULL, not_relevant INTEGER NOT NULL,"
	" PRIMARY KEY (meeting_id, section)) WITHOUT ROWID;"
	"INSERT INTO section_keys (key) SELECT DISTINCT section_id FROM meeting_items ORDER BY 1;"
	"INSERT INTO item_keys (key, section) SELECT DISTINCT mi.item_id, s.id FROM meeting_items mi"
	" JOIN section_keys s ON s.key = mi.section_id ORDER BY 1, 2;"
	"INSERT INTO wordings (item, hash, text) SELECT i.id, wording_hash(t.text), t.text"
	" FROM (SELECT DISTINCT item_id, section_id, text FROM meeting_items) t"
	" JOIN section_keys s ON s.key = t.section_id JOIN item_keys i ON i.key = t.item_id AND i.section = s.id"
	" ORDER BY i.id, t.text;"
	"INSERT INTO checklist (meeting_id, position, wording, state, note)"
	" SELECT mi.meeting_id, row_number() OVER (PARTITION BY mi.meeting_id ORDER BY mi.position, mi.rowid) - 1,"
	" w.id, CASE mi.state WHEN 'done' THEN " SQL_DONE " WHEN 'not_relevant' THEN " SQL_NOT_RELEVANT
	" ELSE " SQL_OPEN " END, mi.note"
	" FROM meeting_items mi JOIN meetings m ON m.id = mi.meeting_id"
	" JOIN section_keys s ON s.key = mi.section_id JOIN item_keys i ON i.key = mi.item_id AND i.section = s.id"
	" JOIN wordings w ON w.hash = wording_hash(mi.text) AND w.item = i.id AND w.text = mi.text"
	" ORDER BY mi.meeting_id, mi.position, mi.rowid;"
	"INSERT INTO section_counts " SECTION_COUNTS_OF_CHECKLIST ";"
	"DROP TABLE meeting_items;"
	"ALTER TABLE cases ADD COLUMN last_meeting TEXT;"
	"UPDATE cases SET last_meeting = (SELECT max(date) FROM meetings WHERE case_id = cases.id);"
	SCHEMA6_INDEXES
	TRIGGER_CHECKLIST_ADD ";" TRIGGER_CHECKLIST_REMOVE ";" TRIGGER_CHECKLIST_CHANGE ";"
	TRIGGER_MEETING_ADD ";" TRIGGER_MEETING_REMOVE ";" TRIGGER_MEETING_MOVE ";",
};

const int sqlite_schema_version = (int)ARRAY_SIZE(sqlite_migrations);

const char *const sqlite_schema_triggers[] = {
	TRIGGER_CHECKLIST_ADD, TRIGGER_CHECKLIST_REMOVE, TRIGGER_CHECKLIST_CHANGE,
	TRIGGER_MEETING_ADD, TRIGGER_MEETING_REMOVE, TRIGGER_MEETING_MOVE,
};

const int sqlite_ntriggers = (int)ARRAY_SIZE(sqlite_schema_triggers);

static void sql_wording_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *text = sqlite3_value_text(argv[0]);

	(void)argc;
	if (text)
		sqlite3_result_int64(ctx, wording_hash((const char *)text));
	else
		sqlite3_result_null(ctx);
}

enum sam_status sqlite_register_functions(struct store *st)
{
	/* Direct only: no view or trigger of a crafted file can call it. */
	int rc = sqlite3_create_function(sqlite_of(st)->db, "wording_hash", 1,
					 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
					 sql_wording_hash, NULL, NULL);

	return rc == SQLITE_OK ? SAM_OK : sqlite_error(st, rc);
}

#include "samtale/demo.h"

#include <stdlib.h>
#include <string.h>

#include "samtale/exchange.h"
#include "samtale/util.h"

/*
 * Demo: a pseudo-random generator of our own (splitmix64), so that the same
 * seed gives the same database on every platform and C library.
 */

struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15u);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* 0 <= result < n, without the bias of a plain modulo. */
static unsigned rng_below(struct rng *r, unsigned n)
{
	return (unsigned)(((rng_next(r) >> 32) * n) >> 32);
}

static int rng_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (unsigned)(hi - lo + 1));
}

static bool rng_chance(struct rng *r, int pct)
{
	return (int)rng_below(r, 100) < pct;
}

#define PICK(r, a) ((a)[rng_below((r), ARRAY_SIZE(a))])

/*
 * Demo: who, and the words they use. Caseworkers are Danish first names in
 * lowercase (login names); each ticks items at her or his own rate, better
 * in some sections than in others.
 */

struct caseworker {
	const char *name;
	int done_pct;			/* chance an applicable item is ticked */
	int section_bias[3];		/* added for sections 1, 2, 3 (4, 5, 6 ...) */
	int interpreter_pct;		/* how often the case needs an interpreter */
	int job_pct;			/* internships where a job is possible */
	int employed_pct;		/* of those, how many end in a job */
	int early_pct;			/* internships ended early */
};

static const struct caseworker caseworkers[] = {
	{ "mette", 78, { 8, 5, -6 }, 45, 38, 62, 8 },
	{ "jonas", 56, { -6, 12, -16 }, 35, 24, 40, 18 },
	{ "aisha", 70, { 4, -4, 12 }, 60, 40, 55, 10 },
	{ "lars", 46, { -10, -4, 6 }, 40, 27, 30, 24 },
	{ "sofie", 84, { 0, 6, -2 }, 30, 44, 68, 6 },
	{ "ahmad", 63, { 10, -12, 2 }, 55, 33, 48, 13 },
};

static const char *const interpreters[] = {
	"arabisk", "arabisk", "arabisk", "tigrinya", "tigrinya", "dari", "dari", "somali",
	"somali", "farsi", "kurdisk", "ukrainsk", "ukrainsk", "pashto", "tyrkisk", "urdu",
};

/* Initials: capital letters as the municipality's systems spell them. */
static const char initial_letters[] = "AAABDEFGHHIJKLMMNNRSSTYZ";

static const char *const countries[] = {
	"Syrien", "Eritrea", "Afghanistan", "Somalia", "Irak", "Iran", "Ukraine", "Libanon",
	"Etiopien", "Kongo",
};

static const char *const occupations[] = {
	"syerske", "frisør", "lærer", "sygeplejerske", "kok", "rengøringsassistent",
	"butiksassistent", "bogholder", "pædagogmedhjælper", "landmand", "bager",
	"tandlægeassistent", "ekspedient", "dagplejer", "kassemedarbejder", "jordemoder",
	"tolk", "regnskabsmedarbejder", "køkkenhjælp", "hjemmehjælper",
};

static const char *const job_fields[] = {
	"i et køkken", "i en børnehave", "på et plejehjem", "i en tøjbutik", "på et hotel",
	"på et lager", "i et supermarked", "på en skole", "hos en frisør", "i en kantine",
	"på et hospital", "i et bageri", "på et vaskeri", "i hjemmeplejen", "på et kontor",
};

static const char *const skill_sentences[] = {
	"Jeg taler arabisk og lidt engelsk.",
	"Jeg taler tigrinya, amharisk og noget dansk.",
	"Jeg kan sy og lave mønstre selv.",
	"Jeg er god til tal og har holdt styr på regnskabet derhjemme.",
	"Jeg har taget dansk på modul 3 og vil gerne blive bedre.",
	"Jeg har kørekort fra mit hjemland, men det gælder ikke her.",
	"Jeg har passet mine søskende og mange børn i familien.",
	"Jeg kan lave mad til mange mennesker på én gang.",
	"Jeg kan bruge en computer, mail og Word.",
	"Jeg har været frivillig i en forening for kvinder.",
	"Jeg taler dari, farsi og lidt engelsk.",
	"Jeg har ikke gået i skole så længe, men jeg lærer hurtigt.",
	"Min uddannelse fra hjemlandet er ikke godkendt i Danmark endnu.",
	"Jeg er vant til at arbejde tidligt om morgenen.",
};

static const char *const job_wish_extra[] = {
	"Det skal passe med, at børnene skal hentes.",
	"Jeg kan ikke løfte tungt på grund af min ryg.",
	"Jeg vil gerne have kolleger, jeg kan tale dansk med.",
	"Jeg vil gerne tjene mine egne penge.",
	"Jeg kan arbejde både dag og aften.",
	"Jeg vil gerne have en fast stilling og ikke kun praktik.",
	"Jeg vil gerne bruge det, jeg kunne i mit hjemland.",
};

static const char *const education_wish_sentences[] = {
	"Jeg vil gerne tage en uddannelse som social- og sundhedshjælper.",
	"Jeg vil gerne læse til pædagogisk assistent.",
	"Jeg vil gerne have min læreruddannelse godkendt i Danmark.",
	"Jeg vil gerne tage et AMU-kursus i rengøring og hygiejne.",
	"Jeg vil gerne blive bedre til dansk, før jeg starter på en uddannelse.",
	"Jeg vil gerne tage 9. klasses afgangsprøve på VUC.",
	"Jeg vil gerne uddanne mig til frisør her i Danmark.",
	"Jeg vil gerne tage truckcertifikat.",
	"Jeg vil gerne læse videre til sygeplejerske, som jeg var i mit hjemland.",
	"Jeg vil gerne på et kursus i regnskab og kontorarbejde.",
	"Jeg ved ikke endnu, men jeg vil gerne høre om mulighederne.",
	"Jeg vil gerne tage en erhvervsuddannelse inden for køkken.",
};

static const char *const note_openings[] = {
	"Hun mødte op til tiden og var glad.",
	"Hun var træt i dag; hendes yngste har været syg.",
	"Hun virkede mere sikker på sig selv end sidst.",
	"Hun var nervøs i starten, men faldt til ro undervejs.",
	"Hun havde forberedt spørgsmål til i dag.",
	"Hun kom lidt for sent på grund af bussen.",
	"Hun fortalte selv meget i dag.",
	"Hun var skuffet over, at der ikke er nyt fra praktikstedet.",
	"God stemning; hun grinede flere gange.",
	"Hun var stille og svarede kort; vi tog den i hendes tempo.",
};

static const char *const note_middles[] = {
	"Vi gennemgik hendes erfaring fra hjemlandet grundigt.",
	"Vi talte om, hvad hun selv ønsker at arbejde med.",
	"Vi talte om, hvorfor praktikken er et skridt mod job.",
	"Hun fortalte om sin arbejdsdag i praktikken; det går godt med kollegerne.",
	"Vi talte om, at hendes uddannelse ikke er godkendt endnu, og hvad vi kan gøre.",
	"Vi så på jobopslag sammen.",
	"Vi talte om transport og børnepasning, som skal være på plads først.",
	"Hun er usikker på sit danske, men hun klarer sig fint i samtalen.",
	"Vi talte om, hvad der skal til for at få en fast stilling efter praktikken.",
	"Praktikstedet er tilfredse med hende og taler om løntilskud.",
	"Hun har søgt tre job selv siden sidst.",
	"Vi talte om hendes CV og tilføjede hendes erfaring som frivillig.",
	"Hun har det svært med, at hendes uddannelse ikke tæller her.",
	"Hun vil gerne have mere tid til danskundervisning ved siden af.",
};

static const char *const note_closings[] = {
	"Jeg sagde til hende, at jeg tror på, at hun kan klare det.",
	"Vi afstemte, hvad hun kan forvente af praktikken.",
	"Hun gik derfra med en plan, hun selv har været med til at lave.",
	"Næste gang tager vi hendes ønsker om uddannelse op igen.",
	"Hun skal have tid; vi tager det skridt for skridt.",
	"Vi var enige om målet, men ikke om tempoet endnu.",
	"Jeg følger op med praktikstedet inden næste samtale.",
};

static const char *const agreed_sentences[] = {
	"Du skal i praktik i et køkken i fire uger.",
	"Du skriver dit CV færdigt, og jeg hjælper dig med det næste gang.",
	"Du søger to job om ugen.",
	"Jeg ringer til praktikstedet og hører, om der er mulighed for ansættelse.",
	"Du går til dansk tre dage om ugen.",
	"Vi finder ud af, om din uddannelse kan blive godkendt.",
	"Du skal prøve at tage bussen til praktikstedet inden første dag.",
	"Du fortæller mig, hvis praktikken ikke føles rigtig.",
	"Jeg sender dig en liste med uddannelser, vi kan tale om.",
	"Du besøger jobcentrets jobcafé på torsdag.",
	"Vi taler om, hvad du har lært i praktikken, når den er slut.",
	"Du har ret til tolk, og vi bestiller en til næste gang.",
	"Du skal starte med 15 timer om ugen og så flere timer senere.",
	"Jeg taler med din kontaktperson på praktikstedet om dine opgaver.",
	"Du undersøger selv, hvordan børnene kan passes, når du arbejder.",
	"Vi søger et AMU-kursus til dig.",
};

static const char *const agreed_closings[] = {
	"Vi ses igen om cirka to uger.",
	"Vi ses igen om en måned.",
	"Ring til mig, hvis du har spørgsmål.",
	"Næste gang taler vi om, hvordan det er gået.",
	"Du får et brev med tid til næste samtale.",
};

static const char *const followup_texts[] = {
	"Ring til praktikstedet og hør, hvordan det går",
	"Send liste over uddannelser",
	"Bestil tolk til næste samtale",
	"Undersøg godkendelse af uddannelse fra hjemlandet",
	"Tjek om hun er tilmeldt dansk modul 4",
	"Følg op på jobansøgninger",
	"Aftal møde med virksomheden om løntilskud",
	"Hjælp med CV og profil på Jobnet",
	"Find praktiksted med mulighed for ansættelse",
	"Tal med sprogskolen om fremmøde",
	"Send referat af samtalen til hende",
	"Undersøg AMU-kursus i køkken",
	"Afklar børnepasning før praktikstart",
	"Evaluer praktikken med hende og praktikstedet",
	"Book opfølgende samtale",
	"Kontakt virksomhedskonsulent om job i detailhandlen",
};

/* Notes for items, by state; a few for the shipped items themselves. */
static const char *const item_notes_done[] = {
	"Det gik godt.",
	"Hun fortalte selv om det.",
	"Gjort; hun var glad for det.",
	"Talt om med tolk.",
	"Vi brugte god tid på det.",
	"Hun tog selv initiativet.",
};

static const char *const item_notes_open[] = {
	"Vi nåede det ikke; tages op næste gang.",
	"Venter til tolken er med.",
	"Hun var ikke klar til det i dag.",
	"Skal tales om, når praktikken er aftalt.",
};

static const char *const item_notes_not_relevant[] = {
	"Ikke aktuelt endnu.",
	"Ikke relevant ved denne samtale.",
	"Allerede aftalt sidst.",
	"Hun er i job; ikke aktuelt.",
};

struct item_note {
	const char *item_id;
	const char *note;
};

static const struct item_note item_notes_specific[] = {
	{ "tro.afdaek-kvalifikationer", "Syerske i 8 år; har også passet regnskab i familiens butik." },
	{ "tro.afdaek-kvalifikationer", "Hun har erfaring fra et køkken og taler tre sprog." },
	{ "tro.forvent-vaerdi", "Praktikstedet har brug for netop hendes erfaring." },
	{ "tro.sig-det", "Jeg sagde det direkte; hun smilede." },
	{ "tro.realistisk", "Sygeplejerske kræver godkendelse og dansk på højt niveau; vi tog et skridt ad gangen." },
	{ "dialog.anerkendende", "Anerkendte at hun selv har fundet praktikstedet." },
	{ "dialog.lyt-inddrag", "Hun valgte selv mellem to praktiksteder." },
	{ "dialog.hendes-oensker", "Hun ønsker uddannelse som pædagogisk assistent." },
	{ "dialog.taalmodig", "Hun skal have tid; vi tager det op igen." },
	{ "forventning.formaal", "Forklaret, at praktikken skal vise hvad hun kan." },
	{ "forventning.klart-maal", "Målet er job i køkken, 25 timer om ugen." },
	{ "forventning.loebende", "Forventninger afstemt igen efter første uge." },
	{ "forventning.ansaettelse", "Virksomheden vil gerne ansætte efter praktikken, hvis det går godt." },
};

/* Internships: real kinds of workplace, with a contact by name and role. */
struct workplace {
	const char *name, *field;
	const char *where;		/* the work as her goal says it */
};

static const struct workplace workplaces[] = {
	{ "Børnehaven Solsikken", "børnehave", "i en børnehave" },
	{ "Børnehuset Mælkebøtten", "børnehave", "med børn" },
	{ "Plejecenter Åbrinken", "plejecenter", "på et plejecenter" },
	{ "Plejehjemmet Skovbo", "plejecenter", "med ældre" },
	{ "Kantinen på Rådhuset", "kantine", "i et køkken" },
	{ "Kantinen hos Grundfos", "kantine", "i en kantine" },
	{ "Systuen i Gellerup", "systue", "med at sy" },
	{ "Netto Søndergade", "supermarked", "i et supermarked" },
	{ "Rema 1000 Vestergade", "supermarked", "i en butik" },
	{ "Føtex Storcenter", "supermarked", "i et supermarked" },
	{ "Rengøringsfirmaet Glans", "rengøring", "med rengøring" },
	{ "ISS, hospitalsrengøring", "rengøring", "med rengøring på et hospital" },
	{ "PostNord, lageret i Hedehusene", "lager", "på et lager" },
	{ "Lagerhotellet Nord", "lager", "på et lager" },
	{ "Frisør Salon Nour", "frisør", "som frisør" },
	{ "Hotel Royal, housekeeping", "hotel", "på et hotel" },
	{ "Bageriet på Torvet", "bageri", "i et bageri" },
	{ "Vaskeriet Ren Klud", "vaskeri", "på et vaskeri" },
};

static const char *const contacts[] = {
	"Lone, leder", "Mads Nielsen, køkkenchef", "Pia Hansen, afdelingsleder", "Birthe, souschef",
	"Karim, butiksleder", "Susanne Lund, teamleder", "Henrik, lagerformand", "Anne, pædagog",
	"Jette Møller, sygeplejerske", "Yasmin, indehaver",
};

static const char *const internship_goals[] = {
	"Jeg vil vise, at jeg kan arbejde %s, som jeg gjorde derhjemme.",
	"Jeg vil lære, hvordan man arbejder %s i Danmark, og blive bedre til dansk.",
	"Jeg vil gerne have fast arbejde %s, og praktikken er vejen dertil.",
	"Jeg vil prøve, om arbejde %s passer til mig og til mine børns tider.",
	"Jeg vil bruge min erfaring og få en anbefaling til job %s.",
};

static const char *const outcome_reasons[OUTCOME_N][2] = {
	[OUTCOME_EMPLOYED] = { "Tilbudt fast stilling 25 timer om ugen.",
			       "Ansat i løntilskud med job bagefter." },
	[OUTCOME_EDUCATION] = { "Starter på SOSU-hjælperuddannelsen.", "Optaget på AMU-kursus og VUC." },
	[OUTCOME_EXTENDED] = { "Forlænget fire uger efter ønske fra stedet.",
			       "Forlænget, så hun kan nå flere opgaver." },
	[OUTCOME_ENDED_EARLY] = { "Stoppet på grund af sygdom i familien.",
				  "Opgaverne passede ikke til hendes ryg." },
	[OUTCOME_COMPLETED] = { "Gennemført godt, men stedet havde ingen stilling.",
				"Gennemført; hun søger nu job i branchen." },
};

/*
 * Demo: the course of a case. Meeting types follow one another as a case
 * goes: a first meeting, follow-ups, and now and then an internship with a
 * meeting before, some during and one after it.
 */

enum demo_type { T_FOERSTE, T_OPFOELGNING, T_FOER, T_UNDER, T_EFTER, T_COUNT };

static const char *const type_ids[T_COUNT] = {
	"foerste", "opfoelgning", "foer-praktik", "under-praktik", "efter-praktik",
};

static enum demo_type next_type(struct rng *r, enum demo_type prev)
{
	switch (prev) {
	case T_FOERSTE:
		return T_OPFOELGNING;
	case T_OPFOELGNING:
		return rng_chance(r, 30) ? T_FOER : T_OPFOELGNING;
	case T_FOER:
		return T_UNDER;
	case T_UNDER:
		return rng_chance(r, 45) ? T_UNDER : T_EFTER;
	case T_EFTER:
	case T_COUNT:
		break;
	}
	return rng_chance(r, 15) ? T_FOER : T_OPFOELGNING;
}

/* The checklist of each meeting type, as the TUI makes it: the items that
 * apply, worded as the guide words them, in the guide's order. */
struct type_items {
	struct meeting_item_spec *v;
	int *section_index;
	size_t n;
};

struct demo {
	struct store *st;
	const struct content_guide *g;
	struct type_items items[T_COUNT];
	long today;
	bool check_refs;		/* the store held cases: skip taken references */
	long year_base;			/* year of seq[0] */
	unsigned seq[8];		/* last reference number used, per year */
	struct demo_stats stats;
};

static enum sam_status build_type_items(struct demo *d)
{
	for (int t = 0; t < T_COUNT; t++) {
		struct type_items *ti = &d->items[t];

		if (!content_meeting_type_find(d->g, type_ids[t]))
			return sam_error(_("the content lacks the meeting type '%s'"), type_ids[t]);
		ti->v = exchange_meeting_items(d->g, type_ids[t], &ti->n);
		ti->section_index = xcalloc(ti->n + 1, sizeof(*ti->section_index));
		for (size_t i = 0; i < ti->n; i++)
			ti->section_index[i] =
				(int)(content_section_find(d->g, ti->v[i].section_id) - d->g->sections);
	}
	return SAM_OK;
}

static void free_type_items(struct demo *d)
{
	for (int t = 0; t < T_COUNT; t++) {
		free(d->items[t].v);
		free(d->items[t].section_index);
	}
}

/*
 * Demo: one case, made in memory and then written.
 */

struct demo_meeting {
	sam_date date;
	enum demo_type type;
	const char *caseworker;
	const char *interpreter;	/* NULL: no interpreter */
	char *note, *agreed;		/* owned; NULL when none */
	enum item_state *states;	/* one per item of the type */
	const char **notes;
};

struct demo_followup {
	sam_date due;
	const char *text;
	const char *assignee;
	bool done;
	size_t meeting;
};

struct demo_internship {
	const struct workplace *wp;
	const char *contact;		/* NULL when none was written */
	char *goal;			/* owned; NULL when none */
	sam_date from, planned_to, ended;	/* ended "" while running */
	enum job_possible job;
	enum internship_outcome outcome;
	const char *reason;
};

struct demo_case {
	char ref[32];
	char initials[3];
	const struct caseworker *cw;
	sam_date opened, closed;	/* closed "" while open */
	char *profile[PROFILE_NFIELDS];	/* NULL when empty */
	struct demo_meeting *m;
	size_t nm;
	struct demo_followup *f;
	size_t nf, fcap;
	struct demo_internship *in;
	size_t nin, incap;
};

static void case_free(struct demo_case *c)
{
	for (size_t i = 0; i < c->nm; i++) {
		free(c->m[i].note);
		free(c->m[i].agreed);
		free(c->m[i].states);
		free(c->m[i].notes);
	}
	for (int p = 0; p < PROFILE_NFIELDS; p++)
		free(c->profile[p]);
	for (size_t i = 0; i < c->nin; i++)
		free(c->in[i].goal);
	free(c->m);
	free(c->f);
	free(c->in);
}

static void add_qualifications(struct rng *r, struct strbuf *sb)
{
	const char *occ = PICK(r, occupations), *country = PICK(r, countries);
	int years = rng_range(r, 2, 15);

	switch (rng_below(r, 4)) {
	case 0:
		strbuf_addf(sb, "Jeg har arbejdet som %s i %s i %d år.", occ, country, years);
		break;
	case 1:
		strbuf_addf(sb, "I %s var jeg %s i %d år, før vi flygtede.", country, occ, years);
		break;
	case 2:
		strbuf_addf(sb, "Jeg er uddannet %s i %s og har arbejdet med det i %d år.", occ,
			    country, years);
		break;
	default:
		strbuf_addf(sb, "Jeg hjalp i min families butik i %s i %d år og har også været %s.",
			    country, years, occ);
		break;
	}
	for (int n = rng_range(r, 1, 2); n > 0; n--)
		strbuf_addf(sb, " %s", PICK(r, skill_sentences));
}

static char *make_profile(struct rng *r, enum profile_field field)
{
	struct strbuf sb = { 0 };

	switch (field) {
	case PROFILE_QUALIFICATIONS:
		add_qualifications(r, &sb);
		break;
	case PROFILE_JOB_WISHES:
		switch (rng_below(r, 5)) {
		case 0: strbuf_addf(&sb, "Jeg vil gerne arbejde %s.", PICK(r, job_fields)); break;
		case 1: strbuf_addf(&sb, "Jeg drømmer om at arbejde %s, gerne på fuld tid.",
				    PICK(r, job_fields)); break;
		case 2: strbuf_addf(&sb, "Jeg vil helst have et arbejde %s tæt på, hvor jeg bor.",
				    PICK(r, job_fields)); break;
		case 3: strbuf_addf(&sb, "Jeg vil gerne prøve at arbejde %s, så jeg kan tale mere dansk.",
				    PICK(r, job_fields)); break;
		default: strbuf_addf(&sb, "På sigt vil jeg gerne have fast arbejde %s.",
				     PICK(r, job_fields)); break;
		}
		if (rng_chance(r, 55))
			strbuf_addf(&sb, " %s", PICK(r, job_wish_extra));
		break;
	case PROFILE_EDUCATION_WISHES:
		strbuf_adds(&sb, PICK(r, education_wish_sentences));
		break;
	default:
		break;
	}
	return strbuf_detach(&sb);
}

/* Picks from a bank, never the same entry twice in a row. */
static const char *pick_other(struct rng *r, const char *const *bank, size_t n, const char *prev)
{
	size_t i = rng_below(r, (unsigned)n);

	if (bank[i] == prev)
		i = (i + 1) % n;
	return bank[i];
}

#define PICK_OTHER(r, a, prev) pick_other((r), (a), ARRAY_SIZE(a), (prev))

static char *make_note(struct rng *r)
{
	struct strbuf sb = { 0 };
	const char *mid = PICK(r, note_middles);

	strbuf_addf(&sb, "%s %s", PICK(r, note_openings), mid);
	if (rng_chance(r, 45))
		strbuf_addf(&sb, " %s", PICK_OTHER(r, note_middles, mid));
	if (rng_chance(r, 55))
		strbuf_addf(&sb, " %s", PICK(r, note_closings));
	return strbuf_detach(&sb);
}

static char *make_agreed(struct rng *r)
{
	struct strbuf sb = { 0 };
	const char *first = PICK(r, agreed_sentences);

	strbuf_addf(&sb, "Vi har aftalt: %s", first);
	if (rng_chance(r, 60))
		strbuf_addf(&sb, " %s", PICK_OTHER(r, agreed_sentences, first));
	strbuf_addf(&sb, " %s", PICK(r, agreed_closings));
	return strbuf_detach(&sb);
}

static const char *item_note(struct rng *r, const char *item_id, enum item_state state)
{
	switch (state) {
	case ITEM_DONE:
		if (!rng_chance(r, 14))
			return NULL;
		if (rng_chance(r, 50)) {
			size_t k = rng_below(r, ARRAY_SIZE(item_notes_specific));

			for (size_t j = 0; j < ARRAY_SIZE(item_notes_specific); j++, k++) {
				const struct item_note *n = &item_notes_specific[k % ARRAY_SIZE(item_notes_specific)];

				if (!strcmp(n->item_id, item_id))
					return n->note;
			}
		}
		return PICK(r, item_notes_done);
	case ITEM_OPEN:
		return rng_chance(r, 8) ? PICK(r, item_notes_open) : NULL;
	case ITEM_NOT_RELEVANT:
		return rng_chance(r, 30) ? PICK(r, item_notes_not_relevant) : NULL;
	}
	return NULL;
}

static const struct caseworker *pick_colleague(struct rng *r, const struct caseworker *cw)
{
	const struct caseworker *other = &caseworkers[rng_below(r, ARRAY_SIZE(caseworkers))];

	return other == cw ? &caseworkers[(size_t)(cw - caseworkers + 1) % ARRAY_SIZE(caseworkers)]
			   : other;
}

/* Ticks at the caseworker's rate, better in her strong sections and as the
 * course goes on; now and then an item is judged not relevant. */
static void make_checklist(struct demo *d, struct rng *r, const struct demo_case *c,
			   struct demo_meeting *m, size_t index)
{
	const struct type_items *ti = &d->items[m->type];
	int course_bonus = index * 2 < 10 ? (int)index * 2 : 10;

	m->states = xcalloc(ti->n ? ti->n : 1, sizeof(*m->states));
	m->notes = xcalloc(ti->n ? ti->n : 1, sizeof(*m->notes));
	for (size_t i = 0; i < ti->n; i++) {
		int pct = c->cw->done_pct + c->cw->section_bias[ti->section_index[i] % 3] + course_bonus;

		if (rng_chance(r, 7))
			m->states[i] = ITEM_NOT_RELEVANT;
		else
			m->states[i] = rng_chance(r, pct) ? ITEM_DONE : ITEM_OPEN;
		m->notes[i] = item_note(r, ti->v[i].item_id, m->states[i]);
	}
	d->stats.items += (long)ti->n;
}

static void add_followup(struct demo *d, struct rng *r, struct demo_case *c, size_t meeting)
{
	struct demo_followup *f;
	long due;

	c->f = array_grow(c->f, c->nf, &c->fcap, sizeof(*c->f));
	f = &c->f[c->nf++];
	date_to_days(c->m[meeting].date, &due);
	due += rng_range(r, 5, 35);
	date_from_days(due, f->due);
	f->text = PICK(r, followup_texts);
	f->assignee = rng_chance(r, 85) ? c->cw->name : pick_colleague(r, c->cw)->name;
	f->meeting = meeting;
	if (c->closed[0])
		f->done = true;
	else
		f->done = rng_chance(r, due < d->today ? 78 : 10);
}

/* Meetings every 10 to 35 days from the day the case opened, up to
 * yesterday; a case quiet for months is often closed. */
static void make_meetings(struct demo *d, struct rng *r, struct demo_case *c)
{
	const char *interpreter = rng_chance(r, c->cw->interpreter_pct) ? PICK(r, interpreters) : NULL;
	int want = rng_range(r, 4, 26);
	enum demo_type type = T_FOERSTE;
	long day, last = 0;

	date_to_days(c->opened, &day);
	day += rng_range(r, 0, 10);
	c->m = xcalloc((size_t)want, sizeof(*c->m));
	for (; c->nm < (size_t)want && day < d->today; day += rng_range(r, 10, 35)) {
		struct demo_meeting *m = &c->m[c->nm];

		date_from_days(day, m->date);
		m->type = type;
		m->caseworker = rng_chance(r, 94) ? c->cw->name : pick_colleague(r, c->cw)->name;
		if (interpreter && (c->nm < 3 || rng_chance(r, 70)))
			m->interpreter = interpreter;
		make_checklist(d, r, c, m, c->nm);
		m->note = rng_chance(r, 75) ? make_note(r) : NULL;
		m->agreed = rng_chance(r, 80) ? make_agreed(r) : NULL;
		last = day;
		c->nm++;
		type = next_type(r, type);
	}
	if (c->nm && ((last < d->today - 120 && rng_chance(r, 65)) || rng_chance(r, 3))) {
		long closed = last + rng_range(r, 7, 60);

		if (closed < d->today) {
			date_from_days(closed, c->closed);
			d->stats.closed++;
		}
	}
	d->stats.meetings += (long)c->nm;
}

static void make_followups(struct demo *d, struct rng *r, struct demo_case *c)
{
	for (size_t i = 0; i < c->nm; i++) {
		if (rng_chance(r, 38))
			add_followup(d, r, c, i);
		if (rng_chance(r, 6))
			add_followup(d, r, c, i);
	}
	d->stats.followups += (long)c->nf;
}

/*
 * Demo: internships, one for each run of meetings before, during and after
 * one. It begins a few days after the meeting before it and ends shortly
 * before the meeting after it; one without that meeting is still running
 * (unless the case closed). Whether a job may follow and how it ends differ
 * by caseworker.
 */

static enum internship_outcome pick_outcome(struct rng *r, const struct caseworker *cw,
					    enum job_possible job)
{
	if (rng_chance(r, cw->early_pct))
		return OUTCOME_ENDED_EARLY;
	if (rng_chance(r, job == JOB_POSSIBLE_YES ? cw->employed_pct : cw->employed_pct / 6))
		return OUTCOME_EMPLOYED;
	if (rng_chance(r, 12))
		return OUTCOME_EDUCATION;
	if (rng_chance(r, 14))
		return OUTCOME_EXTENDED;
	return OUTCOME_COMPLETED;
}

static long days_of(const char *date)
{
	long days = 0;

	date_to_days(date, &days);
	return days;
}

/* before, the last during and after (SIZE_MAX: none yet) index c->m. */
static void add_internship(struct rng *r, struct demo_case *c, size_t before, size_t last_during,
			   size_t after)
{
	struct demo_internship *in;
	long start = days_of(c->m[before].date) + 1, end, planned, latest = start + 13;
	struct strbuf goal = { 0 };

	if (before + 1 < c->nm && days_of(c->m[before + 1].date) - 1 < latest)
		latest = days_of(c->m[before + 1].date) - 1;
	start = latest > start ? rng_range(r, (int)start, (int)latest) : start;
	c->in = array_grow(c->in, c->nin, &c->incap, sizeof(*c->in));
	in = &c->in[c->nin++];
	memset(in, 0, sizeof(*in));
	in->wp = &PICK(r, workplaces);
	in->contact = rng_chance(r, 80) ? PICK(r, contacts) : NULL;
	if (rng_chance(r, 75)) {
		strbuf_addf(&goal, PICK(r, internship_goals), in->wp->where);
		in->goal = strbuf_detach(&goal);
	}
	in->job = rng_chance(r, c->cw->job_pct) ? JOB_POSSIBLE_YES
		  : rng_chance(r, 55) ? JOB_POSSIBLE_NO : JOB_POSSIBLE_UNKNOWN;
	date_from_days(start, in->from);
	planned = start + 7 * rng_range(r, 4, 13) - 1;
	if (after != SIZE_MAX) {
		end = days_of(c->m[after].date) - rng_range(r, 0, 6);
		if (end < days_of(c->m[last_during].date))
			end = days_of(c->m[last_during].date);
	} else if (c->closed[0]) {
		end = days_of(c->closed) < planned ? days_of(c->closed) : planned;
	} else {
		date_from_days(planned, in->planned_to);
		return;		/* still running */
	}
	if (end < start)
		end = start;
	date_from_days(end, in->ended);
	in->outcome = pick_outcome(r, c->cw, in->job);
	if (rng_chance(r, 70))
		in->reason = outcome_reasons[in->outcome][rng_below(r, 2)];
	/* The plan as it was made: beyond an early end, short of an extension. */
	if (in->outcome == OUTCOME_ENDED_EARLY)
		planned = end + 7 * rng_range(r, 2, 6);
	else if (in->outcome == OUTCOME_EXTENDED)
		planned = end - rng_range(r, 14, 28);
	else
		planned = end + rng_range(r, -4, 4);
	date_from_days(planned > start ? planned : start, in->planned_to);
}

static void make_internships(struct demo *d, struct rng *r, struct demo_case *c)
{
	for (size_t i = 0; i < c->nm; i++) {
		size_t j = i + 1, last = i;

		if (c->m[i].type != T_FOER)
			continue;
		while (j < c->nm && c->m[j].type == T_UNDER)
			last = j++;
		add_internship(r, c, i, last, j < c->nm && c->m[j].type == T_EFTER ? j : SIZE_MAX);
	}
	d->stats.internships += (long)c->nin;
}

/* Journal references as year-sequence, "2025-0412", numbered in the order
 * cases open, with gaps for the municipality's other cases. */
static enum sam_status make_ref(struct demo *d, struct rng *r, struct demo_case *c)
{
	long year = strtol(c->opened, NULL, 10);
	unsigned *seq = &d->seq[(year - d->year_base) % (long)ARRAY_SIZE(d->seq)];

	for (;;) {
		struct case_rec taken;
		enum sam_status st;

		*seq = *seq ? *seq + 1 + rng_below(r, 3) : 101 + rng_below(r, 300);
		snprintf(c->ref, sizeof(c->ref), "%ld-%04u", year, *seq);
		if (!d->check_refs)
			return SAM_OK;
		st = store_case_get(d->st, c->ref, &taken);
		if (st == SAM_ERR_NOT_FOUND) {
			sam_error_clear();
			return SAM_OK;
		}
		if (st != SAM_OK)
			return st;
		case_rec_free(&taken);
	}
}

/* Cases open over almost four years, more of them lately, so that the
 * newest are in the middle of their course today. */
static enum sam_status make_case(struct demo *d, struct rng *r, int i, int n,
				 struct demo_case *c)
{
	int64_t left = n - i;
	long offset = 3 + (long)(1400 * left * left / ((int64_t)n * n));
	enum sam_status status;

	memset(c, 0, sizeof(*c));
	date_from_days(d->today - offset, c->opened);
	c->cw = &caseworkers[rng_below(r, ARRAY_SIZE(caseworkers))];
	c->initials[0] = initial_letters[rng_below(r, sizeof(initial_letters) - 1)];
	c->initials[1] = initial_letters[rng_below(r, sizeof(initial_letters) - 1)];
	if (rng_chance(r, 85))
		c->profile[PROFILE_QUALIFICATIONS] = make_profile(r, PROFILE_QUALIFICATIONS);
	if (rng_chance(r, 80))
		c->profile[PROFILE_JOB_WISHES] = make_profile(r, PROFILE_JOB_WISHES);
	if (rng_chance(r, 60))
		c->profile[PROFILE_EDUCATION_WISHES] = make_profile(r, PROFILE_EDUCATION_WISHES);
	make_meetings(d, r, c);
	make_followups(d, r, c);
	d->stats.cases++;
	if ((status = make_ref(d, r, c)) == SAM_OK)
		make_internships(d, r, c);	/* last: the draws before stay as they were */
	return status;
}

/*
 * Demo: writing, a whole case at a time.
 */

static enum sam_status write_case(struct demo *d, struct store_bulk *b, const struct demo_case *c)
{
	struct store_bulk_meeting *m = xcalloc(c->nm ? c->nm : 1, sizeof(*m));
	struct store_bulk_followup *f = xcalloc(c->nf ? c->nf : 1, sizeof(*f));
	struct internship_spec *in = xcalloc(c->nin ? c->nin : 1, sizeof(*in));
	struct store_bulk_case bc = {
		.ref = c->ref, .initials = c->initials, .caseworker = c->cw->name,
		.opened = c->opened, .closed = c->closed[0] ? c->closed : NULL,
		.meetings = m, .nmeetings = c->nm, .followups = f, .nfollowups = c->nf,
		.internships = in, .ninternships = c->nin,
	};
	enum sam_status st;

	for (int p = 0; p < PROFILE_NFIELDS; p++)
		bc.profile[p] = c->profile[p];
	for (size_t i = 0; i < c->nm; i++) {
		const struct demo_meeting *dm = &c->m[i];

		m[i] = (struct store_bulk_meeting){
			.date = dm->date, .type = type_ids[dm->type], .caseworker = dm->caseworker,
			.note = dm->note, .agreed = dm->agreed, .interpreter = dm->interpreter,
			.items = d->items[dm->type].v, .nitems = d->items[dm->type].n,
			.states = dm->states, .notes = dm->notes,
		};
	}
	for (size_t i = 0; i < c->nf; i++)
		f[i] = (struct store_bulk_followup){
			.due = c->f[i].due, .text = c->f[i].text, .assignee = c->f[i].assignee,
			.done = c->f[i].done, .meeting = c->f[i].meeting,
		};
	for (size_t i = 0; i < c->nin; i++) {
		const struct demo_internship *di = &c->in[i];

		in[i] = (struct internship_spec){
			.workplace = di->wp->name, .field = di->wp->field, .from = di->from,
			.planned_to = di->planned_to, .contact = di->contact, .goal = di->goal,
			.job_possible = di->job, .ended = di->ended[0] ? di->ended : NULL,
			.outcome = di->outcome, .outcome_reason = di->reason,
		};
	}
	st = store_bulk_case(b, &bc);
	free(m);
	free(f);
	free(in);
	return st;
}

enum sam_status demo_fill(struct store *st, const struct content_guide *g,
			  const struct demo_opts *opts, struct demo_stats *stats)
{
	struct demo d = { .st = st, .g = g };
	struct rng seeder = { opts->seed };
	struct store_bulk *b = NULL;
	enum sam_status status;
	sam_date today;

	date_today(today);
	date_to_days(today, &d.today);
	d.year_base = strtol(today, NULL, 10) - 5;
	if ((status = store_has_cases(st, &d.check_refs)) || (status = build_type_items(&d)) ||
	    (status = store_bulk_open(st, "demo", &b)))
		goto out;
	for (int i = 0; i < opts->cases && !status; i++) {
		/* A stream per case, so that one case's draws never shift another's. */
		struct rng r = { rng_next(&seeder) };
		struct demo_case c;

		if (!(status = make_case(&d, &r, i, opts->cases, &c)))
			status = write_case(&d, b, &c);
		case_free(&c);
	}
	if (!status)
		status = store_bulk_finish(b);
out:
	store_bulk_close(b);
	free_type_items(&d);
	if (stats)
		*stats = d.stats;
	return status;
}

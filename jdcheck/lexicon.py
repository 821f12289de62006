"""The words the checker reads structure by: who a clause is about, where a clause
or a negation's scope ends, what makes a passive, a deadline or a second requirement.

Kept as data apart from the code that uses them, the way negspacy keeps its
termsets: a word added here changes every rule that relies on it. What is
particular to one task lives in the ruleset instead; the spelling variants and
irregular forms of the phrase language's words are here too.
"""

# Words that start a clause without naming its subject ("the", "our").
SUBJECT_PREFIX = frozenset(
    "the our all other only a an its their licensed trained qualified certified designated "
    "assigned unit program agency hospital clinic team house residential onsite on site "
    "staff".split()
)
# A negation right after these words sits in a subordinate clause about
# someone else: "transport clients who do not have cars".
SUBORDINATE = frozenset(
    "who whom that which whose if when whenever unless whether where because since until "
    "once".split()
)
CLAUSE_WORDS = frozenset("but however whereas although though".split())
CONTRAST_OPENERS = frozenset("although though whereas while".split())
CLAUSE_MARKS = (";", "—", " – ", " - ", "(", ")", "|")
COORDINATORS = frozenset("and or then also including".split())
# After "and" these (with DUTY_VERBS, in every form) start a second duty of the worker's
# own: "Supports members ... and keeps their case notes", "... and is responsible for bed
# checks": a helping verb before the "and" does not hedge it.
SECOND_DUTY_OPENERS = frozenset("is are will must also".split())
SECOND_DUTY_VERBS = (
    "keep maintain drive transport pass give deliver dispense distribute monitor supervise "
    "enforce collect search answer greet file clean cook shop handle manage hold sit provide "
    "carry screen assess".split()
)
# Verbs that start a duty of their own after "and": "Reviews charts and writes notes"
# (with their inflections).
DUTY_VERBS = (
    "write document record enter complete chart log update fill draft prepare "
    "input type submit sign develop conduct perform administer lead contribute read review "
    "access study examine audit participate attend".split()
)
AUXILIARIES = frozenset("is are was were be been being get gets".split())
PASSIVE_AUX = AUXILIARIES | {"and", "or"}
ADVERBS = frozenset(
    "also all only usually typically primarily solely always often then to".split()
)
IRREGULAR_PARTICIPLES = frozenset(
    "led kept held done made run read set paid sent built brought told bought found fed "
    "met taught".split()
)
# After "by" these name a deadline, not an agent: "entered in the EHR by end of day".
DEADLINE_WORDS = frozenset(
    "end close noon midnight cob eod eow start beginning morning evening tomorrow tonight "
    "monday tuesday wednesday thursday friday saturday sunday next deadline".split()
)
# After "and" these start a second requirement with its own context: "Must have a
# valid driver's license and be willing to transport participants".
REQUIREMENT_WORDS = frozenset("willing able expected required prepared".split())
DUTY_NOUNS = frozenset("duties duty responsibilities responsibility tasks task coverage".split())
# Before a self-role these deny it: "The payee coordinator, not the peer mentor, ...".
# A clause that opens with one of these states a qualification, not a duty.
QUALIFICATION_OPENERS = frozenset(
    "experience knowledge familiarity understanding degree degrees bachelor bachelors "
    "master masters associate associates background coursework".split()
)
PRONOUNS = frozenset("it them".split())
# A clause whose subject is the people served and whose verb is one of these describes
# who the program is for, not a duty: "Members are adults living with ...", "Guests
# often arrive in crisis", "Participants have been diagnosed with ...".
POPULATION_VERBS = frozenset(
    "are is were was have has had been live lives living experience experiences arrive arrives "
    "come comes face faces struggle struggles include includes range ranges receive receives "
    "get gets".split()
)
# Words between the people served and their verb: "Many members often have ...".
POPULATION_FILLERS = frozenset(
    "served supported enrolled referred often also may might typically usually frequently "
    "sometimes generally commonly all who that in on at of the our this program unit "
    "residence house".split()
)
# Quantifiers that open a population subject: "Many of our members ...", "Most tenants ...".
POPULATION_OPENERS = frozenset("many most some several few all eligible of our the".split())
# An agent that names everyone on duty "including the peer" (or "the peer ... included")
# hands the duty to the peer worker too: the agent phrase runs on to the inclusion.
INCLUSIVE = frozenset("including included incl plus alongside".split())
# Adjectives that open a role's name, not a duty: "Clinical case managers hold ...".
ROLE_ADJECTIVES = frozenset(
    "clinical medical psychiatric licensed senior lead primary mobile residential "
    "outpatient inpatient behavioral".split()
)
# After a bare role noun these make it the name of a duty in a verbless bullet:
# "Van driver for the day program on Mondays".
TITLE_FOLLOWERS = frozenset("for on at in during as when every each".split())
RELATIVES = frozenset("who whom whose that which".split())
DENIERS = frozenset("not nor than".split())
# Words that cannot sit inside a subject's noun phrase.
NOT_MODIFIERS = frozenset(
    "to with for in on at by from of and or but as if when who that which will shall may "
    "must can should would is are was were be not no never nor though although while whereas "
    "unlike".split()
)


# --- the phrase language's words (jdcheck.patterns, matched by jdcheck.phraseset) ---

# Curated spellings: common typos and British forms of words the rules use.
# Cheap and safe: an exact lookup, never fuzzy matching.
SPELLING_VARIANTS = {
    "medicaton": "medication", "medciation": "medication", "medicatoin": "medication",
    "mediction": "medication", "medicaiton": "medication", "medicatons": "medications",
    "medicaitons": "medications", "medciations": "medications",
    "adminster": "administer", "adminsiter": "administer", "administor": "administer",
    "adminstration": "administration", "administartion": "administration",
    "perscription": "prescription", "perscriptions": "prescriptions",
    "docment": "document", "documnet": "document", "documention": "documentation",
    "documantation": "documentation", "documentaion": "documentation",
    "assesment": "assessment", "assesments": "assessments", "assessmnet": "assessment",
    "asessment": "assessment", "asessments": "assessments",
    "apointment": "appointment", "apointments": "appointments",
    "appointmnet": "appointment", "appointmnets": "appointments",
    "transportaion": "transportation", "transporation": "transportation",
    "tranport": "transport", "trasnport": "transport",
    "schedual": "schedule", "scedule": "schedule",
    "treatmnet": "treatment", "tretment": "treatment", "treament": "treatment",
    "progess": "progress", "proggress": "progress",
    "laundary": "laundry", "hygeine": "hygiene", "hygene": "hygiene",
    "breathalizer": "breathalyzer", "breathalizers": "breathalyzers",
    "breathalyser": "breathalyzer", "breathalysers": "breathalyzers",
    "counceling": "counseling", "councelling": "counseling", "counselling": "counseling",
    "counsellor": "counselor", "counsellors": "counselors",
    "conferance": "conference", "conferances": "conferences",
    "meetting": "meeting", "meettings": "meetings",
    "recieve": "receive", "recieves": "receives",
    "programme": "program", "programmes": "programs",
    "behaviour": "behavior", "behaviours": "behaviors", "behavioural": "behavioral",
    "organisation": "organization", "organisations": "organizations",
    "licence": "license", "licences": "licenses", "centre": "center", "centres": "centers",
    "practise": "practice", "practises": "practices", "practised": "practiced",
    "practising": "practicing",
    "documentng": "documenting", "documnting": "documenting", "docmenting": "documenting",
    "allowence": "allowance", "allowences": "allowances", "alowance": "allowance",
    "transprot": "transport", "transprots": "transports", "trasport": "transport",
    "transportion": "transportation", "recieved": "received", "reciept": "receipt",
    "reciepts": "receipts", "seperate": "separate", "superviser": "supervisor",
    "persciption": "prescription", "managment": "management",
}
# Shorthand that job descriptions and clinical notes use, read as the full word.
ABBREVIATIONS = {
    "mbr": "member", "mbrs": "members", "appt": "appointment", "appts": "appointments",
    "pts": "patients", "tx": "treatment", "mtg": "meeting", "mtgs": "meetings",
    "hx": "history", "dx": "diagnosis", "sx": "symptoms", "rx": "prescription",
    "rxs": "prescriptions", "docs": "documents", "mgmt": "management",
    "mgt": "management", "asst": "assistant",
    "clts": "clients", "clt": "client", "w": "with",
    "txt": "text", "req": "required", "reqd": "required", "wk": "week", "wkly": "weekly",
}
# Compound spellings read as two words.
SPLIT_VARIANTS = {
    "medpass": ("med", "pass"), "medpasses": ("med", "passes"),
    "caseload": ("case", "load"), "caseloads": ("case", "loads"),
    "payeeship": ("payee", "ship"), "payeeships": ("payee", "ships"),
    "frontdesk": ("front", "desk"), "bedchecks": ("bed", "checks"),
    "bedcheck": ("bed", "check"), "roomsearches": ("room", "searches"),
}

# Words that stay exactly as written: inflecting them would only blur meaning
# ("not" must never match "notes").
FIXED_WORDS = frozenset(
    "a an the of to in on at by for with from and or nor not no never is are was were be "
    "been being it its this that these those their them they he she his her our we you "
    "your my me i us who whom whose which what when where why how if as than then so "
    "own only also but do does did done don't doesn't didn't won't can't cannot isn't "
    "aren't wasn't weren't shouldn't wouldn't mustn't will shall may might must can could "
    "should would per via".split()
)

# Irregular forms of verbs that job descriptions use.
IRREGULAR = {
    "be": ("is", "are", "was", "were", "been", "being", "am"),
    "have": ("has", "had", "having"),
    "do": ("does", "did", "done", "doing"),
    "drive": ("drove", "driven"),
    "write": ("wrote", "written"),
    "take": ("took", "taken"),
    "give": ("gave", "given"),
    "lead": ("led",),
    "keep": ("kept",),
    "sit": ("sat",),
    "meet": ("met",),
    "run": ("ran",),
    "pay": ("paid",),
    "make": ("made",),
    "go": ("went", "gone", "goes"),
    "bring": ("brought",),
    "tell": ("told",),
    "hold": ("held",),
    "oversee": ("oversaw", "overseen"),
    "sweep": ("swept",),
    "buy": ("bought",),
    "get": ("got", "gotten"),
    "ride": ("rode", "ridden"),
    "teach": ("taught",),
    "find": ("found",),
    "send": ("sent",),
    "spend": ("spent",),
    "feed": ("fed",),
    "read": ("reads", "reading"),
}

# Word families patterns name with ``@``: one list per family, so that every
# rule about "the people served" or "medication" reads the same synonyms.
WORD_CLASSES = {
    "served": "client|resident|patient|member|participant|individual|consumer|guest|tenant|"
    "youth|young adult|young adults|person|people|adult|adults|kid|kids|child|children|"
    "teen|teens|adolescent|adolescents|caller|callers|admission|referral|visitor|"
    "survivor|veteran|veterans|patron|attendee|student|students|service user|"
    "service users|peer|peers|occupant|occupants|inmate|inmates|detainee|detainees",
    "meds": "medication|meds|med|medicine|pill|tablet|capsule|dose|prescription|PRN|"
    "injection|injectable|psych meds|psychotropic|psychotropics|insulin|methadone|"
    "suboxone|buprenorphine|clozapine|lithium|antipsychotic|antipsychotics",
}

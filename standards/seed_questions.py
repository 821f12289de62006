"""Questions a peer specialist offered a job could ask the employer, as the portal ships
them: each restates, in plain words, a standard its source sets, and is asked when the quick
check finds its task or misses its role element. Tasks with no such question are simply not
asked about."""

_RFI_CORE_TASKS = "Section I, Supporting Peer Roles: Core Tasks"
_BRIEF_ROLE = "Certified Peer Specialist Role and Settings"
EMPLOYER_QUESTIONS = [
    {
        "slug": "who-supervises",
        "element": "peer_supervision",
        "role_standard": "supervision",
        "question": "Who would supervise me? Has that person worked in peer support, or "
        "completed an approved training in supervising peer roles?",
        "standard": "People in peer roles are supervised by people who have worked and been "
        "trained in peer support. At a minimum, their supervisors attend an approved training "
        "on understanding and overseeing peer roles.",
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Supervision",
    },
    {
        "slug": "starting-pay",
        "element": "hourly_pay",
        "role_standard": "pay",
        "question": "What is the starting hourly pay, and does it go up when I complete the "
        "CPS training?",
        "standard": "Starting pay for direct peer support is no less than $15.00 an hour (the "
        "2017 figure), more where the cost of living is highest, with financial recognition "
        "for completing core trainings such as CPS.",
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Payrate",
    },
    {
        "slug": "training-time",
        "element": "paid_training",
        "role_standard": "training-and-networking",
        "question": "Would I have paid time for training and networking outside the "
        "organization, on an ongoing basis?",
        "standard": "Organizations provide paid time and support for people in peer roles to "
        "seek outside training and networking on an ongoing basis, even where that support "
        "is more limited for other roles.",
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Training",
    },
    {
        "slug": "medication",
        "task": "medication_administration",
        "question": "Would I be asked to take part in any part of the Medication "
        "Administration Program, such as passing or delivering medications?",
        "standard": "Someone in a peer role is never responsible for any part of the "
        "Medication Administration Program, up to and including delivering pre-packaged "
        "pills. At a person's request, a peer can help them learn about treatments and think "
        "through how to approach their doctor.",
        "source": "004",
        "source_section": f"{_RFI_CORE_TASKS}: Participation in the Medication Administration "
        "Program",
    },
    {
        "slug": "money",
        "task": "representative_payee",
        "question": "Would I handle anyone's benefits or money as part of a representative "
        "payee arrangement, or deliver their daily funds?",
        "standard": "Someone in a peer role is never responsible for anything related to a "
        "representative-payee arrangement, up to and including delivering daily funds. At a "
        "person's request, a peer can help them learn about their rights and practise skills "
        "like paying bills.",
        "source": "004",
        "source_section": f"{_RFI_CORE_TASKS}: Participation in a Rep-Payeeship Arrangement",
    },
    {
        "slug": "notes",
        "task": "routine_notes",
        "question": "Would I be asked to write notes about the people I support for their "
        "file or record?",
        "standard": "Someone in a peer role may keep their own notes for memory or "
        "scheduling, but is never responsible for writing routine notes about someone that "
        "go into a file or become part of a permanent record.",
        "source": "004",
        "source_section": f"{_RFI_CORE_TASKS}: Routine Notes",
    },
    {
        "slug": "treatment-plans",
        "task": "treatment_planning",
        "question": "Would I be asked to complete or lead treatment plans or assessments?",
        "standard": "At a person's request, a peer can help them think through what they want "
        "in their treatment plan, or go to the planning meeting with them, but never leads "
        "the process or takes part in a way the person has not guided and started.",
        "source": "004",
        "source_section": f"{_RFI_CORE_TASKS}: Completing Treatment Plans or Assessments",
    },
    {
        "slug": "files",
        "task": "reading_records",
        "question": "Would I be expected to read people's files or notes?",
        "standard": "Staff may tell a peer about a recent incident of violence or another "
        "issue with immediate implications, but a peer is never expected to routinely read "
        "files or notes on a person.",
        "source": "004",
        "source_section": f"{_RFI_CORE_TASKS}: Reading Files or Notes",
    },
    {
        "slug": "meetings",
        "task": "case_meetings",
        "question": "Would I attend meetings where the people I support are discussed when "
        "they are not there?",
        "standard": "People in peer roles belong in best-practice, advisory, quality and "
        "policy meetings, but are never expected to attend meetings where people receiving "
        "services are routinely discussed when they are not present and have not asked for "
        "the peer supporter.",
        "source": "004",
        "source_section": f"{_RFI_CORE_TASKS}: Attendance at Meetings",
    },
    {
        "slug": "custodial-care",
        "task": "custodial_care",
        "question": "Would I be asked to provide custodial care for the people I support?",
        "standard": "Providing custodial care is one of the tasks that undermine mutuality, "
        "which is central to the CPS role and supported by the Massachusetts CPS Code of "
        "Ethics.",
        "source": "001",
        "source_section": _BRIEF_ROLE,
    },
    {
        "slug": "clerical-work",
        "task": "clerical_duties",
        "question": "Would clerical work for the organization be part of my job?",
        "standard": "Clerical functions are among the tasks that undermine mutuality, which "
        "is central to the CPS role.",
        "source": "001",
        "source_section": _BRIEF_ROLE,
    },
    {
        "slug": "driving",
        "task": "transportation",
        "question": "Would I be asked to drive or accompany people outside a peer support "
        "relationship they chose?",
        "standard": "Transportation or accompaniment outside an intentional peer support "
        "relationship is among the tasks that undermine mutuality.",
        "source": "001",
        "source_section": _BRIEF_ROLE,
    },
    {
        "slug": "clinical-work",
        "task": "clinical_case_management",
        "question": "Would I carry a caseload, or do case management or other clinical work?",
        "standard": "Organizations give peer specialists opportunities that preserve the "
        "non-clinical, non-case-management nature of the CPS role.",
        "source": "001",
        "source_section": "Future of the Certified Peer Specialist Workforce",
    },
    {
        "slug": "enforcing-rules",
        "task": "compliance_monitoring",
        "question": "Would I be asked to check whether people follow rules or program "
        "requirements, or to enforce them?",
        "standard": "A peer worker's tasks do not overlap with other roles or create a power "
        "imbalance with the person they support; peer workers build a mutual relationship "
        "instead of focusing on clinical considerations and compliance.",
        "source": "002",
        "source_section": "Appeals to Policymakers and Funders; What Does A Peer Support "
        "Workforce Offer?",
    },
]

"""The standards content the portal ships with, each record tied to its source.

Summaries are in the portal's own words and say only what the cited source
says; fields the sources are silent on are left blank for curators.
Prohibited tasks are not here: they come from the checker's ruleset file.
"""

SOURCES = [
    {
        "key": "000",
        "title": "2012 Update: Status of the Developing Mental Health Peer Workforce in "
        "Massachusetts (executive summary)",
        "publisher": "Transcom",
        "year": 2012,
        "file_name": "000_c2b9c3b8b39aa03d.txt",
    },
    {
        "key": "001",
        "title": "Transcom Brief: Certified Peer Specialists",
        "publisher": "Transcom",
        "year": 2019,
        "file_name": "001_8492fa985a6adfd6.txt",
    },
    {
        "key": "002",
        "title": "Transcom Appeal To Policy Leaders",
        "publisher": "Transcom",
        "year": 2017,
        "file_name": "002_aff6fa88b620d033.txt",
    },
    {
        "key": "003",
        "title": "The Peer Workforce",
        "publisher": "Mental Health America",
        "year": None,
        "file_name": "003_6a1027f10f4f6d5e.txt",
    },
    {
        "key": "004",
        "title": "Collective response of the Massachusetts peer support community to a DMH RFI "
        "(Community Based Flexible Supports replacement)",
        "publisher": "Massachusetts peer support community",
        "year": 2017,
        "file_name": "004_24d69d2ab747aade.txt",
    },
    {
        "key": "samhsa-2015",
        "title": "Core Competencies for Peer Workers in Behavioral Health Services",
        "publisher": "SAMHSA",
        "year": 2015,
    },
    {
        "key": "naps-2013",
        "title": "National Practice Guidelines for Peer Supporters",
        "publisher": "N.A.P.S.",
        "year": 2013,
        "note": "N.A.P.S. dissolved in June 2025; cite an archived copy. The Massachusetts "
        "peer support community's 2017 response to the DMH RFI cites the guidelines at "
        "na4ps.files.wordpress.com/2012/09/nationalguidelines1.pdf.",
    },
    {
        "key": "mha-ncps",
        "title": "MHA National Certified Peer Specialist (NCPS) Certification",
        "publisher": "Mental Health America",
        "year": None,
        "note": "Listed in Mental Health America, The Peer Workforce (web page, undated), "
        "under Peer Support Certification.",
    },
]

ETHICS_PRINCIPLES = [
    {
        "number": 7,
        "title": "Respect for Privacy",
        "body": (
            "The Massachusetts peer support community's response to the DMH RFI names this "
            "item as the one at stake when someone in a peer role is made responsible for "
            "writing routine notes about a person, especially notes that go in a paper or "
            "electronic file or become part of a permanent record, or is expected to routinely "
            "read files or notes on a person."
        ),
        "verified": True,
        "source": "004",
        "source_section": "Section I, Core Tasks: Routine Notes; Reading Files or Notes",
    },
    {
        "number": 10,
        "title": "Dual Roles",
        "body": (
            "The Massachusetts peer support community's response to the DMH RFI names this "
            "item as the one at stake when someone in a peer role is made responsible for any "
            "part of the Medication Administration Program (MAP), for anything related to a "
            "representative-payee arrangement, or for leading treatment plans or assessments, "
            "or is expected to attend meetings where people receiving services are routinely "
            "discussed when they are not present and have not asked for the peer supporter."
        ),
        "verified": True,
        "source": "004",
        "source_section": "Section I, Core Tasks: Participation in the Medication Administration "
        "Program; Participation in a Rep-Payeeship Arrangement; Completing Treatment Plans or "
        "Assessments; Attendance at Meetings",
    },
]

FRAMEWORKS = [
    {
        "slug": "samhsa-core-competencies",
        "name": "Core Competencies for Peer Workers in Behavioral Health Services",
        "short_name": "SAMHSA core competencies",
        "publisher": "SAMHSA",
        "year": 2015,
        "description": (
            "A US government work, meant for use in training, certification, job "
            "descriptions, performance appraisal and career ladders. Twelve categories of "
            "competency rest on five foundational principles."
        ),
        "order": 1,
        "source": "samhsa-2015",
        "source_section": "",
        "competencies": {
            "category": [
                "Engages peers in collaborative and caring relationships",
                "Provides support",
                "Shares lived experiences of recovery",
                "Personalizes peer support",
                "Supports recovery planning",
                "Links to resources, services, and supports",
                "Provides information about skills related to health, wellness, and recovery",
                "Helps peers to manage crises",
                "Values communication",
                "Supports collaboration and teamwork",
                "Promotes leadership and advocacy",
                "Promotes growth and development",
            ],
            "principle": [
                "Recovery-oriented",
                "Person-centered",
                "Voluntary",
                "Relationship-focused",
                "Trauma-informed",
            ],
        },
    },
    {
        "slug": "naps-practice-guidelines",
        "name": "National Practice Guidelines for Peer Supporters",
        "short_name": "N.A.P.S. practice guidelines",
        "publisher": "N.A.P.S.",
        "year": 2013,
        "description": (
            "More than 1,000 peer supporters took part in writing the guidelines, and 98% "
            "agreed with them. N.A.P.S. dissolved in June 2025, so the guidelines are now "
            "found in archived copies."
        ),
        "order": 2,
        "source": "naps-2013",
        "source_section": "",
        "competencies": {
            "value": [
                "Peer support is voluntary",
                "Peer supporters are hopeful",
                "Peer supporters are open-minded",
                "Peer supporters are empathetic",
                "Peer supporters are respectful",
                "Peer supporters facilitate change",
                "Peer supporters are honest and direct",
                "Peer support is mutual and reciprocal",
                "Peer support is equally shared power",
                "Peer support is strengths-focused",
                "Peer support is transparent",
                "Peer support is person-driven",
            ],
        },
    },
    {
        "slug": "mha-ncps-domains",
        "name": "MHA National Certified Peer Specialist (NCPS) domains",
        "short_name": "MHA NCPS domains",
        "publisher": "Mental Health America",
        "year": None,
        "description": (
            "Mental Health America's national certification for peer specialists. It "
            "requires 3,000 hours of supervised peer work within six years and a "
            "125-question exam, launched in March 2017."
        ),
        "order": 3,
        "source": "mha-ncps",
        "source_section": "",
        "competencies": {
            "domain": [
                "Foundations of Peer Support",
                "Foundations of Health Care Systems",
                "Mentoring, Shared Learning and Relationship Building",
                "Activation and Self-Management",
                "Advocacy",
                "Professional and Ethical Responsibilities",
            ],
        },
    },
]

ROLE_STANDARDS = [
    {
        "slug": "ratio",
        "title": "Peer staffing ratio",
        "summary": (
            "At least 1 full-time equivalent (FTE) in peer roles for every 30 people receiving "
            "supports. An organization with fewer than 5 peer FTE pays for its peer staff's "
            "time to network, consult with and get support from other peer-oriented groups, "
            "such as Recovery Learning Communities."
        ),
        "figure_year": 2017,
        "people_served_per_fte": 30,
        "networking_time_below_fte": 5,
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Ratio",
        "source_quote": (
            "There should be a minimum of 1 FTE of peer roles per every 30 people receiving "
            "supports at a given organization. In organizations where ratios result in fewer "
            "than 5 FTEs of people working in peer roles, that organization should be required "
            "to support paid time for those employees to network, consult with and otherwise "
            "receive additional support from other peer-oriented groups (Recovery Learning "
            "Communities, etc.)."
        ),
    },
    {
        "slug": "pay",
        "title": "Pay",
        "summary": (
            "Starting pay for direct peer support of no less than $15.00 an hour (2017), more "
            "where the cost of living is highest, with financial recognition for completing "
            "core trainings such as CPS."
        ),
        "body": (
            "For comparison only, not a Massachusetts standard: a 2016 national survey found "
            "that full-time peer specialists averaged $16.36 an hour (National Survey of "
            "Compensation Among Peer Support Specialists, The College for Behavioral Health "
            "Leadership, 2016, listed in Mental Health America's web page The Peer "
            "Workforce)."
        ),
        "figure_year": 2017,
        "minimum_hourly_pay": "15.00",
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Payrate",
        "source_quote": (
            "The starting rate should be no less than $15.00 per hour (more in areas where "
            "cost of living is highest, with financial recognition given for completion of "
            "core trainings like CPS)."
        ),
    },
    {
        "slug": "supervision",
        "title": "Supervision",
        "summary": (
            "People in peer roles are supervised by people who have worked and been trained in "
            "peer support. At a minimum, their supervisors attend an approved training on "
            "understanding and overseeing peer roles, and all employees get general training "
            "on peer roles."
        ),
        "body": (
            "The Transcom Brief: Certified Peer Specialists (2019) also calls for "
            "appropriately trained CPS "
            "supervisors, non-clinical supervision and regular contact with CPS colleagues."
        ),
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Supervision",
        "source_quote": (
            "At a minimum, individuals supervising peer roles should be required to attend an "
            "approved training specifically focused on understanding and providing oversight "
            "for peer roles."
        ),
    },
    {
        "slug": "training-and-networking",
        "title": "Paid training and networking time",
        "summary": (
            "Organizations provide paid time and support for people in peer roles to seek "
            "outside training and networking on an ongoing basis, even where that support is "
            "more limited for other roles."
        ),
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Training",
        "source_quote": (
            "All organizations should be required to provide paid time and support for "
            "individuals in peer roles to seek outside training and networking opportunities "
            "on an ongoing basis, even if that support is more limited for other roles in the "
            "same organization."
        ),
    },
    {
        "slug": "code-of-ethics",
        "title": "Consistency with the Code of Ethics",
        "summary": (
            "Organizations show how they shape peer roles to be consistent with the "
            "Massachusetts Certified Peer Specialist Code of Ethics. People in peer roles are "
            "not asked to work in conflict with it."
        ),
        "body": (
            "The Transcom Appeal To Policy Leaders (2017) asks that job descriptions be "
            "consistent with the "
            "CPS Code of Ethics for peer support workers and volunteers in the mental health "
            "system, including Recovery Learning Communities."
        ),
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Code of Ethics",
        "source_quote": (
            "All organizations employing peer roles under the New Model should be required to "
            "demonstrate how they will shape those roles in a way that is consistent with the "
            "Massachusetts Certified Peer Specialist Code of Ethics."
        ),
    },
    {
        "slug": "job-descriptions",
        "title": "Job descriptions specific to the peer role",
        "summary": (
            "Organizations write job descriptions specific to the peer role and show that they "
            "understand which tasks someone in a peer role is not asked to do."
        ),
        "source": "004",
        "source_section": "Section I, Supporting Peer Roles: Core Tasks",
        "source_quote": (
            "In order to demonstrate clear understanding, organizations should be required to "
            "submit job descriptions that are specific to the peer role."
        ),
    },
    {
        "slug": "career-ladder",
        "title": "Career ladder",
        "summary": (
            "Certified Peer Specialists can advance in a peer support career ladder, in roles "
            "such as supervisor, trainer, manager and administrator, with opportunities for "
            "professional growth that preserve the non-clinical, non-case-management nature of "
            "the role."
        ),
        "source": "001",
        "source_section": "Certified Peer Specialist Role and Settings; Future of the Certified "
        "Peer Specialist Workforce",
        "source_quote": (
            "Advance in a peer support career ladder in roles such as supervisor, trainer, "
            "manager, and administrator."
        ),
    },
    {
        "slug": "continuing-education",
        "title": "Continuing education",
        "summary": (
            "Continuing education specific to peer support is required, and it strengthens the "
            "peer support career ladder."
        ),
        "body": (
            "The Transcom Appeal To Policy Leaders (2017) asks funders to require "
            "continuing education "
            "specifically designed and approved as relevant to peer support roles, to foster "
            "professional development and maintain state certifications."
        ),
        "source": "001",
        "source_section": "Transcom's View of the Commonwealth's Certified Peer Specialist "
        "Workforce",
        "source_quote": "Continuing education that is required and strengthens the peer support "
        "career ladder.",
    },
]

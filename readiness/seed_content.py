"""The readiness instrument the portal ships with: sections and statements.

Each statement is in the portal's own words and rests on one passage of a
source document (its key in standards.seed_content.SOURCES, the section named
below, and the passage quoted on the record). The passages:

- Role and job descriptions: the Massachusetts peer support community's 2017
  response to the DMH RFI, Section I, Supporting Peer Roles: "Core Tasks" (job
  descriptions specific to the peer role; the six tasks and the closing
  paragraph that participation in any is a violation of the Code of Ethics) and
  "Code of Ethics".
- Supervision: the same response, "Supervision" (supervisors who have worked
  and been trained in peer support; an approved supervisor training at a
  minimum); Transcom Brief: Certified Peer Specialists (2019), "Transcom's View
  of the Commonwealth's Certified Peer Specialist Workforce" (non-clinical
  supervision, regular contact with CPS colleagues).
- Staffing: the response, "Ratio" (1 peer FTE per 30 people; paid networking
  time below 5 FTE).
- Pay and career ladder: the response, "Payrate" (starting rate; recognition of
  core trainings like CPS) and "Supervision" (leadership roles, a ladder).
- Training and continuing education: the response, "Training"; the 2019 Brief,
  "Future of the Certified Peer Specialist Workforce" (continuing education
  specific to peer support).
- Integration and culture: the response, "Supervision" (general training on
  peer roles for all employees); Transcom Appeal To Policy Leaders (2017),
  "Appeals to Policymakers and Funders" (peer input into policies) and "Appeals
  to Providers" (peer support offered at referral and intake); the 2019 Brief,
  "Future of the Certified Peer Specialist Workforce" (a diverse workforce).

Rating levels are described only where the source gives a test (the ratio, the
starting rate, "at no time" for the prohibited tasks); the rest are left blank
for curators. Sections are in the order of the action plan: the role and its
prohibited tasks first, then supervision.
"""

SECTIONS = [
    {
        "slug": "role",
        "title": "The role and its job descriptions",
        "guides": ["writing-a-peer-job-description", "model-peer-specialist-job-description"],
    },
    {
        "slug": "supervision",
        "title": "Supervision",
        "guides": ["supervising-peer-specialists", "peer-supervisor-resources"],
    },
    {
        "slug": "staffing",
        "title": "Staffing",
        "guides": ["where-peer-roles-succeed", "preparing-an-organization-before-hiring"],
    },
    {
        "slug": "pay",
        "title": "Pay and career ladder",
        "guides": ["pay-and-the-career-ladder"],
    },
    {
        "slug": "training",
        "title": "Training and continuing education",
        "guides": ["continuing-education-and-training-time"],
    },
    {
        "slug": "integration",
        "title": "Integration and culture",
        "guides": ["preparing-an-organization-before-hiring", "successfully-integrating-peer-staff"],
    },
]

RFI = "004"
RFI_SECTION = "Section I, Supporting Peer Roles: "
BRIEF = "001"
APPEAL = "002"

STATEMENTS = [
    {
        "section": "role",
        "slug": "job-descriptions-free-of-prohibited-tasks",
        "wording": "None of our peer job descriptions includes a task that undermines the peer "
        "role (such as medication administration, representative payeeship, routine notes, "
        "leading treatment plans or assessments, reading files, or meetings about people who "
        "are not present).",
        "source": RFI,
        "source_section": RFI_SECTION + "Core Tasks",
        "source_quote": "Participation in any of these tasks represents a violation of the CPS "
        "Code of Ethics and a disconnect with the overall mission and values of peer roles.",
        "role_standard": "job-descriptions",
        "prohibited_tasks": True,
        "proposal": "prohibited_tasks",
        "level_fully": "No peer job description includes any of these tasks: the source says "
        "someone in a peer role should at no time be responsible for them.",
    },
    {
        "section": "role",
        "slug": "job-descriptions-specific-to-the-role",
        "wording": "Every peer position has a job description written specifically for the peer "
        "role.",
        "source": RFI,
        "source_section": RFI_SECTION + "Core Tasks",
        "source_quote": "In order to demonstrate clear understanding, organizations should be "
        "required to submit job descriptions that are specific to the peer role.",
        "role_standard": "job-descriptions",
    },
    {
        "section": "role",
        "slug": "roles-consistent-with-code-of-ethics",
        "wording": "We can show how each peer role is shaped to be consistent with the "
        "Massachusetts CPS Code of Ethics, and nobody in a peer role is asked to work against it.",
        "source": RFI,
        "source_section": RFI_SECTION + "Code of Ethics",
        "source_quote": "All organizations employing peer roles under the New Model should be "
        "required to demonstrate how they will shape those roles in a way that is consistent "
        "with the Massachusetts Certified Peer Specialist Code of Ethics.",
        "role_standard": "code-of-ethics",
    },
    {
        "section": "supervision",
        "slug": "supervised-by-people-trained-in-peer-support",
        "wording": "People in peer roles are supervised by people who have worked and been "
        "trained in peer support.",
        "source": RFI,
        "source_section": RFI_SECTION + "Supervision",
        "source_quote": "All organizations should offer leadership roles within the peer "
        "support framework, so that people in peer roles are supervised by people who have "
        "worked and been trained in peer support.",
        "role_standard": "supervision",
        "proposal": "peer_supervision",
    },
    {
        "section": "supervision",
        "slug": "supervisors-attend-approved-training",
        "wording": "Everyone who supervises a peer role has attended an approved training on "
        "understanding and overseeing peer roles.",
        "source": RFI,
        "source_section": RFI_SECTION + "Supervision",
        "source_quote": "At a minimum, individuals supervising peer roles should be required to "
        "attend an approved training specifically focused on understanding and providing "
        "oversight for peer roles.",
        "role_standard": "supervision",
    },
    {
        "section": "supervision",
        "slug": "non-clinical-supervision-and-peer-colleagues",
        "wording": "Peer specialists have non-clinical supervision and regular contact with CPS "
        "colleagues.",
        "source": BRIEF,
        "source_section": "Transcom's View of the Commonwealth's Certified Peer Specialist "
        "Workforce",
        "source_quote": "Appropriately trained CPS Supervisors, non-clinical supervision and "
        "regular contact with CPS colleagues.",
        "role_standard": "supervision",
    },
    {
        "section": "staffing",
        "slug": "staffing-ratio",
        "wording": "We have at least 1 full-time equivalent (FTE) in peer roles for every 30 "
        "people receiving supports.",
        "source": RFI,
        "source_section": RFI_SECTION + "Ratio",
        "source_quote": "There should be a minimum of 1 FTE of peer roles per every 30 people "
        "receiving supports at a given organization.",
        "role_standard": "ratio",
        "proposal": "staffing_ratio",
        "level_fully": "At least 1 peer FTE for every 30 people receiving supports.",
    },
    {
        "section": "staffing",
        "slug": "paid-networking-time-below-five-fte",
        "wording": "With fewer than 5 peer FTE, we pay for peer staff's time to network, consult "
        "with and get support from other peer-oriented groups, such as Recovery Learning "
        "Communities.",
        "source": RFI,
        "source_section": RFI_SECTION + "Ratio",
        "source_quote": "In organizations where ratios result in fewer than 5 FTEs of people "
        "working in peer roles, that organization should be required to support paid time for "
        "those employees to network, consult with and otherwise receive additional support from "
        "other peer-oriented groups (Recovery Learning Communities, etc.).",
        "role_standard": "ratio",
    },
    {
        "section": "pay",
        "slug": "starting-pay-at-or-above-the-standard",
        "wording": "Starting pay for direct peer support is at or above the pay standard's "
        "minimum hourly rate, and more where the cost of living is highest.",
        "source": RFI,
        "source_section": RFI_SECTION + "Payrate",
        "source_quote": "The starting rate should be no less than $15.00 per hour (more in areas "
        "where cost of living is highest, with financial recognition given for completion of "
        "core trainings like CPS).",
        "role_standard": "pay",
        "proposal": "pay",
        "level_fully": "The starting rate is no less than the standard's minimum ($15.00 per "
        "hour in 2017), more where living costs are highest.",
    },
    {
        "section": "pay",
        "slug": "pay-recognizes-cps-training",
        "wording": "Pay gives financial recognition for completing core trainings such as CPS.",
        "source": RFI,
        "source_section": RFI_SECTION + "Payrate",
        "source_quote": "with financial recognition given for completion of core trainings like "
        "CPS",
        "role_standard": "pay",
    },
    {
        "section": "pay",
        "slug": "peer-leadership-roles",
        "wording": "We offer supervisory and leadership roles within peer support, so that peer "
        "staff have a ladder for growth.",
        "source": RFI,
        "source_section": RFI_SECTION + "Supervision",
        "source_quote": "All organizations should offer leadership roles within the peer "
        "support framework [...] (This also helps to create a ladder for potential job growth.)",
        "role_standard": "career-ladder",
    },
    {
        "section": "training",
        "slug": "paid-time-for-outside-training",
        "wording": "People in peer roles have paid time and support to seek outside training and "
        "networking on an ongoing basis.",
        "source": RFI,
        "source_section": RFI_SECTION + "Training",
        "source_quote": "All organizations should be required to provide paid time and support "
        "for individuals in peer roles to seek outside training and networking opportunities "
        "on an ongoing basis, even if that support is more limited for other roles in the same "
        "organization.",
        "role_standard": "training-and-networking",
    },
    {
        "section": "training",
        "slug": "continuing-education-specific-to-peer-support",
        "wording": "Peer specialists take part in continuing education specific to peer support.",
        "source": BRIEF,
        "source_section": "Future of the Certified Peer Specialist Workforce",
        "source_quote": "Ensure CPSs are trained and working toward a state-recognized CPS "
        "credential, supervised by trained CPS Supervisors, adhere to the established Code of "
        "Ethics, and engage in continuing education specific to peer support.",
        "role_standard": "continuing-education",
    },
    {
        "section": "integration",
        "slug": "all-staff-trained-on-the-peer-role",
        "wording": "All our employees receive general training on peer roles.",
        "source": RFI,
        "source_section": RFI_SECTION + "Supervision",
        "source_quote": "Generalized training on peer roles should also be provided to all "
        "employees at the organization to help reduce the potential for a hostile work "
        "environment that can result when a role is misunderstood and an employee becomes "
        "isolated or devalued.",
        "role_standard": "supervision",
    },
    {
        "section": "integration",
        "slug": "peer-input-into-policy",
        "wording": "People in peer roles have input into our policies, procedures and other "
        "relevant parts of the organization.",
        "source": APPEAL,
        "source_section": "Appeals to Policymakers and Funders",
        "source_quote": "Promote and design inclusive work environments that ensure peer support "
        "roles are valued equally to all other roles, as evidenced by peer support roles having "
        "input into policies, procedures and other relevant aspects of the organization.",
    },
    {
        "section": "integration",
        "slug": "peer-support-offered-at-intake",
        "wording": "At referral and intake, we describe the role of peer support workers and "
        "offer peer support as an option.",
        "source": APPEAL,
        "source_section": "Appeals to Providers",
        "source_quote": "When people are seeking services during referral and intake, describe "
        "the role of peer support workers and offer peer support as an option.",
    },
    {
        "section": "integration",
        "slug": "diverse-workforce",
        "wording": "We use strategies that ensure a diverse peer workforce, to address race and "
        "health equity and access for underserved, underrepresented and marginalized "
        "communities.",
        "source": BRIEF,
        "source_section": "Future of the Certified Peer Specialist Workforce",
        "source_quote": "Employ strategies that ensure a diverse workforce to address race and "
        "health equity and access among underserved, underrepresented and marginalized "
        "communities.",
    },
]

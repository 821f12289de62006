"""The workspace's models, by family: organizations and members, submissions and their
reviews, curation. Importing from `workspace.models` keeps working for every name."""

from workspace.models.curation import (  # noqa: F401
    CuratorDecision,
    CuratorRead,
    FindingVerdict,
    Outcome,
    Verdict,
)
from workspace.models.organizations import (  # noqa: F401
    INVITATION_MAX_AGE,
    MAX_PEER_FTE,
    MAX_PEOPLE_SERVED,
    PEOPLE_SERVED_TOO_FEW,
    Invitation,
    InvitationQuerySet,
    MemberScopedQuerySet,
    Membership,
    Organization,
    OrganizationQuerySet,
    Region,
    Role,
    SettingType,
)
from workspace.models.submissions import (  # noqa: F401
    Finding,
    FindingDispute,
    FindingQuerySet,
    JobDescription,
    JobDescriptionQuerySet,
    JobDescriptionVersion,
    PayVerdict,
    Review,
    ReviewQuerySet,
    ReviewStatus,
    Severity,
    VersionQuerySet,
)

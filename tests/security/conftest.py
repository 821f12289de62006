# The workspace fixtures (organization, members, curator, a checked submission),
# shared rather than copied.
from tests.workspace.conftest import (  # noqa: F401
    admin_user,
    curator,
    member_user,
    organization,
    revision,
    submission,
)

# The workspace fixtures (organization, members, a checked submission),
# shared rather than copied.
from tests.workspace.conftest import (  # noqa: F401
    admin_user,
    member_user,
    organization,
    revision,
    submission,
)

"""`{% pending_invitation as invitation %}`: the invitation opened in this session
before signing in, for the sign-in and sign-up pages to mention."""

from django import template

from workspace import invitations, services
from workspace.views.common import PENDING_INVITATION

register = template.Library()


@register.simple_tag(takes_context=True)
def pending_invitation(context):
    request = context.get("request")
    token = request.session.get(PENDING_INVITATION) if request is not None else None
    if not token:
        return None
    try:
        return invitations.invitation_from_token(token)
    except services.WorkspaceError:
        return None

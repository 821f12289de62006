"""Who may act in a workspace; who may see is `models.MemberScopedQuerySet.visible_to`.

In an organization only its members act. Curators read every organization's
submissions and decide on them through the curation pages, which
`portal.roles.curator_required` (the one curator check) guards. Views turn a
refusal into a 404, so nobody learns what exists elsewhere.
"""

from workspace.models import Membership


def membership_of(user, organization) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(organization=organization, user=user).first()


def may_manage(user, organization) -> bool:
    """Invite, change roles, archive, read the curator log: the organization's admins."""
    membership = membership_of(user, organization)
    return membership is not None and membership.is_admin


def may_dispute(user, organization) -> bool:
    """Submit, revise, re-check and disagree with a finding: any member."""
    return membership_of(user, organization) is not None


def may_remove(own: Membership | None, target: Membership) -> bool:
    """Members may leave; admins may remove anyone."""
    return own is not None and (own.pk == target.pk or own.is_admin)

"""Organizations and their members: who belongs, who is invited, and the one place
visibility is decided (`MemberScopedQuerySet.visible_to(user)`): every workspace view fetches
objects through it, so a non-member gets a 404 for another organization's objects, never a
403 that confirms they exist."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from portal.roles import is_curator


class Region(models.TextChoices):
    # The Department of Mental Health's five areas, plus statewide programs.
    CENTRAL = "central", "Central Massachusetts"
    METRO_BOSTON = "metro_boston", "Metro Boston"
    NORTHEAST = "northeast", "Northeast"
    SOUTHEAST = "southeast", "Southeast"
    WESTERN = "western", "Western Massachusetts"
    STATEWIDE = "statewide", "Statewide"


class SettingType(models.TextChoices):
    INPATIENT = "inpatient", "Inpatient"
    CRISIS = "crisis", "Crisis or emergency services"
    EMERGENCY_DEPARTMENT = "emergency_department", "Emergency department"
    COMMUNITY_TEAM = "community_team", "Community team (ACT, PACT, ACCS)"
    RESIDENTIAL = "residential", "Residential"
    RECOVERY_CENTER = "recovery_center", "Recovery Learning Community or peer-run program"
    YOUNG_ADULT = "young_adult", "Young adult program"
    OUTPATIENT = "outpatient", "Outpatient clinic"
    OTHER = "other", "Other"


class MemberScopedQuerySet(models.QuerySet):
    """Rows a user may see: curators see all, members their organizations', others none.

    `organization_path` is the lookup from the model to its Organization ("" for
    Organization itself).
    """

    organization_path = ""

    def visible_to(self, user):
        if is_curator(user):
            return self
        if not user.is_authenticated:
            return self.none()
        prefix = f"{self.organization_path}__" if self.organization_path else ""
        return self.filter(**{f"{prefix}memberships__user": user})


class OrganizationQuerySet(MemberScopedQuerySet):
    organization_path = ""


# Bounds on the staffing figures: far above any real organization, so that only a typing
# error (or a negative) is refused.
MAX_PEOPLE_SERVED = 100_000
MAX_PEER_FTE = 1_000
PEOPLE_SERVED_TOO_FEW = f"Enter a number from 1 to {MAX_PEOPLE_SERVED:,}, or leave it empty."


class Organization(models.Model):
    name = models.CharField(max_length=200)
    setting_type = models.CharField(max_length=30, choices=SettingType.choices)
    region = models.CharField("Massachusetts region", max_length=20, choices=Region.choices)
    people_served = models.PositiveIntegerField(
        null=True, blank=True,
        help_text=f"How many people your peer roles serve (optional, 1 to {MAX_PEOPLE_SERVED:,}).",
        validators=[
            MinValueValidator(1, PEOPLE_SERVED_TOO_FEW),
            MaxValueValidator(
                MAX_PEOPLE_SERVED,
                f"Enter at most {MAX_PEOPLE_SERVED:,} people served: more than any one "
                "organization's peer roles serve. Check for a typing error.",
            ),
        ],
    )
    peer_fte = models.DecimalField(
        "peer FTE", max_digits=6, decimal_places=2, null=True, blank=True,
        help_text=f"Full-time equivalents in peer roles (optional, 0 to {MAX_PEER_FTE:,}; "
        "e.g. 2.5).",
        validators=[
            MinValueValidator(0, "Peer FTE can't be negative: enter 0 or more, or leave it empty."),
            MaxValueValidator(
                MAX_PEER_FTE,
                f"Enter at most {MAX_PEER_FTE:,} peer FTE. Check for a typing error.",
            ),
        ],
    )
    statewide_opt_out = models.BooleanField(
        "leave us out of the statewide picture", default=False,
        help_text="Curators' statewide figures are de-identified aggregates of every "
        "organization's submissions; tick this to leave yours out of them from now on.",
    )
    statewide_opt_out_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workspace:organization", args=[self.pk])


INVITATION_MAX_AGE = 60 * 60 * 24 * 7  # an invitation's link works for a week after sending


class Role(models.TextChoices):
    ADMIN = "admin", "Admin"
    MEMBER = "member", "Member"


class Membership(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="one_membership_per_org")
        ]
        ordering = ["user__email"]

    def __str__(self):
        return f"{self.user} in {self.organization} ({self.role})"

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet accepted, declined or withdrawn (possibly expired)."""
        return self.filter(
            accepted_at__isnull=True, declined_at__isnull=True, withdrawn_at__isnull=True
        )


class Invitation(models.Model):
    """An emailed invitation; the link carries a signed, expiring token for its id and key.

    Sending it again gives it a new key, so only the latest email's link works.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    key = models.CharField(max_length=32, blank=True, editable=False)
    sent_at = models.DateTimeField(default=timezone.now, help_text="When it was last emailed.")
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    declined_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation of {self.email} to {self.organization}"

    @property
    def expires_at(self):
        return self.sent_at + timedelta(seconds=INVITATION_MAX_AGE)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

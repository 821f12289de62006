"""Sending the workspace's emails: after the commit, from clean subjects, never a 500.

A name or title may hold a line break (typed before names were normalised, or
stored by an older version), and Django refuses a header with one; the SMTP
server may be down. Either way the row the email is about is already saved, so
a failed send is logged and reported back, and the person is told.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from jdcheck.text import single_line

log = logging.getLogger(__name__)


@dataclass
class Delivery:
    """What became of an email sent on commit: `sent` is None until the commit."""

    sent: bool | None = None

    @property
    def failed(self) -> bool:
        return self.sent is False


def send_on_commit(*, subject: str, template: str, context: dict, recipients: list[str],
                   kind: str) -> Delivery:
    """Send the email once the current transaction commits (at once outside one)."""
    delivery = Delivery()

    def send():
        try:
            send_mail(
                subject=single_line(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject),
                message=render_to_string(template, context),
                from_email=None,
                recipient_list=recipients,
            )
        except Exception:  # any failure to send: the saved row stands, the person is told
            log.exception("The %s email could not be sent", kind)
            delivery.sent = False
        else:
            delivery.sent = True

    transaction.on_commit(send)
    return delivery

"""All of an organization's data, for its admins: a zip of JSON files and PDF reports.

The JSON holds everything (organization, members, invitations, job descriptions with
every version, review, finding, disagreement and curator decision). The PDFs are the
reports of the latest review of the newest versions, at most MAX_REPORTS of them, so a
download costs at most that many reports (each bounded by the text's length,
workspace.exports); the README in the zip says which versions have no PDF.
"""

import json
import zipfile
from io import BytesIO

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify

from workspace.exports import report_pdf
from workspace.models import Finding, JobDescriptionVersion, Review
from workspace.report import review_report
from workspace.selectors import latest_review

MAX_REPORTS = 25  # a report of the longest description takes about 0.3 s


def _when(value):
    return value.isoformat() if value else None


def _email(user):
    return user.email if user else None


def organization_data(organization) -> dict:
    """The organization's records as plain JSON-ready data, in a bounded number of queries."""
    findings = Finding.objects.prefetch_related("disputes__raised_by").select_related("verdict")
    versions = JobDescriptionVersion.objects.select_related("submitted_by").prefetch_related(
        Prefetch("reviews", queryset=Review.objects.prefetch_related(
            Prefetch("findings", queryset=findings)
        )),
        "decisions",
    )
    job_descriptions = organization.job_descriptions.prefetch_related(
        Prefetch("versions", queryset=versions)
    )
    return {
        "organization": {
            "name": organization.name,
            "setting_type": organization.setting_type,
            "region": organization.region,
            "people_served": organization.people_served,
            "peer_fte": None if organization.peer_fte is None else str(organization.peer_fte),
            "created_at": _when(organization.created_at),
            "members": [
                {"email": m.user.email, "role": m.role, "joined_at": _when(m.joined_at)}
                for m in organization.memberships.select_related("user")
            ],
            "invitations": [
                {"email": i.email, "role": i.role, "created_at": _when(i.created_at),
                 "accepted_at": _when(i.accepted_at)}
                for i in organization.invitations.all()
            ],
        },
        "job_descriptions": [_job_description(jd) for jd in job_descriptions],
    }


def _job_description(jd) -> dict:
    return {
        "title": jd.title,
        "setting_type": jd.setting_type,
        "created_at": _when(jd.created_at),
        "archived_at": _when(jd.archived_at),
        "versions": [
            {
                "number": v.number,
                "text": v.text,
                "original_filename": v.original_filename,
                "submitted_by": _email(v.submitted_by),
                "submitted_at": _when(v.submitted_at),
                "review_status": v.review_status,
                "reviews": [_review(review) for review in v.reviews.all()],
                "curator_decisions": [
                    {"outcome": d.outcome, "comments": d.comments, "created_at": _when(d.created_at)}
                    for d in v.decisions.all()
                ],
            }
            for v in jd.versions.all()
        ],
    }


def _review(review) -> dict:
    return {
        "created_at": _when(review.created_at),
        "ruleset_version": review.ruleset_version,
        "complete": review.complete,
        "elements": review.elements,
        "advisories": review.advisories,
        "pay_verdict": review.pay_verdict,
        "minimum_hourly_pay": (
            None if review.minimum_hourly_pay is None else str(review.minimum_hourly_pay)
        ),
        "findings": [
            {
                "position": f.position, "task": f.task, "severity": f.severity,
                "start": f.start, "end": f.end, "sentence": f.sentence, "matched": f.matched,
                "reason": f.reason, "ethics": f.ethics, "suggestion": f.suggestion,
                "curator_verdict": _verdict(f),
                "disagreements": [
                    {"comment": d.comment, "raised_by": _email(d.raised_by),
                     "created_at": _when(d.created_at)}
                    for d in f.disputes.all()
                ],
            }
            for f in review.findings.all()
        ],
    }


def _verdict(finding):
    verdict = getattr(finding, "verdict", None)
    return {"verdict": verdict.verdict, "reason": verdict.reason} if verdict else None


def organization_archive(organization, user) -> bytes:
    """The zip an admin downloads: organization.json, job_descriptions.json, reports/*.pdf."""
    data = organization_data(organization)
    checked = JobDescriptionVersion.objects.filter(
        job_description__organization=organization, reviews__isnull=False
    ).distinct()
    newest = checked.select_related("job_description__organization").order_by(
        "-submitted_at", "-pk"
    )[:MAX_REPORTS]
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("organization.json", _json(data["organization"]))
        archive.writestr("job_descriptions.json", _json(data["job_descriptions"]))
        reported = 0
        for version in newest:
            review = latest_review(version)
            title = slugify(version.job_description.title)[:60] or "job"
            archive.writestr(
                f"reports/{title}-{version.pk}-v{version.number}.pdf",
                report_pdf(review_report(version, review, user)),
            )
            reported += 1
        archive.writestr("README.txt", _readme(organization, reported, checked.count() - reported))
    return out.getvalue()


def _json(value) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _readme(organization, reported, left_out) -> str:
    lines = [
        f"All data of {organization.name} in the CPS Standards Portal, "
        f"downloaded {timezone.now().isoformat(timespec='seconds')}.",
        "",
        "organization.json: the organization, its members and invitations.",
        "job_descriptions.json: every job description with every version, review, finding,",
        "  disagreement and curator decision.",
        f"reports/: the PDF report of the latest review of {reported} version(s), newest first.",
    ]
    if left_out:
        lines.append(
            f"{left_out} older version(s) have no PDF here (at most {MAX_REPORTS} in one "
            "download); their reviews and findings are in job_descriptions.json, and each "
            "report can be downloaded from its page."
        )
    return "\n".join(lines) + "\n"

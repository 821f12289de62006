from django.urls import path

from workspace.views import curation, job_descriptions, organizations, reviews

app_name = "workspace"
urlpatterns = [
    path("", organizations.index, name="index"),
    path("organizations/new/", organizations.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", organizations.organization, name="organization"),
    path("organizations/<int:pk>/members/", organizations.members, name="members"),
    path("organizations/<int:pk>/members/<int:member_pk>/role/", organizations.member_role,
         name="member_role"),
    path("organizations/<int:pk>/members/<int:member_pk>/remove/", organizations.member_remove,
         name="member_remove"),
    path("organizations/<int:pk>/curator-reads/", organizations.curator_reads, name="curator_reads"),
    path("organizations/<int:pk>/job-descriptions/new/", job_descriptions.job_description_create,
         name="job_description_create"),
    path("invitations/<str:token>/", organizations.invitation_accept, name="invitation_accept"),
    path("job-descriptions/<int:pk>/", job_descriptions.job_description, name="job_description"),
    path("job-descriptions/<int:pk>/revise/", job_descriptions.job_description_revise,
         name="job_description_revise"),
    path("job-descriptions/<int:pk>/archive/", job_descriptions.job_description_archive,
         name="job_description_archive"),
    path("versions/<int:pk>/", reviews.version, name="version"),
    path("versions/<int:pk>/recheck/", reviews.version_recheck, name="version_recheck"),
    path("versions/<int:pk>/print/", reviews.version_print, name="version_print"),
    path("versions/<int:pk>/report.pdf", reviews.version_pdf, name="version_pdf"),
    path("versions/<int:pk>/report.docx", reviews.version_docx, name="version_docx"),
    path("job-descriptions/<int:pk>/compare/", reviews.compare, name="compare"),
    path("reviews/<int:pk>/", reviews.review, name="review"),
    path("findings/<int:pk>/dispute/", reviews.finding_dispute, name="finding_dispute"),
    path("disputes/<int:pk>/", reviews.dispute_change, name="dispute_change"),
    path("curation/", curation.queue, name="curation_queue"),
    path("curation/versions/<int:pk>/", curation.decide, name="curation_decide"),
    path("curation/disputes/", curation.disputes, name="curation_disputes"),
]

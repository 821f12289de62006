from django.urls import path

from workspace import curation, views

app_name = "workspace"
urlpatterns = [
    path("", views.index, name="index"),
    path("organizations/new/", views.organization_create, name="organization_create"),
    path("organizations/<int:pk>/", views.organization, name="organization"),
    path("organizations/<int:pk>/members/", views.members, name="members"),
    path("organizations/<int:pk>/members/<int:member_pk>/role/", views.member_role,
         name="member_role"),
    path("organizations/<int:pk>/members/<int:member_pk>/remove/", views.member_remove,
         name="member_remove"),
    path("organizations/<int:pk>/curator-reads/", views.curator_reads, name="curator_reads"),
    path("organizations/<int:pk>/job-descriptions/new/", views.job_description_create,
         name="job_description_create"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("job-descriptions/<int:pk>/", views.job_description, name="job_description"),
    path("job-descriptions/<int:pk>/revise/", views.job_description_revise,
         name="job_description_revise"),
    path("job-descriptions/<int:pk>/archive/", views.job_description_archive,
         name="job_description_archive"),
    path("versions/<int:pk>/", views.version, name="version"),
    path("versions/<int:pk>/recheck/", views.version_recheck, name="version_recheck"),
    path("versions/<int:pk>/print/", views.version_print, name="version_print"),
    path("versions/<int:pk>/report.pdf", views.version_pdf, name="version_pdf"),
    path("versions/<int:pk>/report.docx", views.version_docx, name="version_docx"),
    path("job-descriptions/<int:pk>/compare/", views.compare, name="compare"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("findings/<int:pk>/dispute/", views.finding_dispute, name="finding_dispute"),
    path("curation/", curation.queue, name="curation_queue"),
    path("curation/versions/<int:pk>/", curation.decide, name="curation_decide"),
    path("curation/disputes/", curation.disputes, name="curation_disputes"),
]

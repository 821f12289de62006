from django.urls import path

from toolkit import views
from toolkit.feeds import NewDocumentsFeed

app_name = "toolkit"
urlpatterns = [
    path("", views.index, name="index"),
    path("documents/", views.document_list, name="documents"),
    path("documents/<slug:slug>/", views.document_detail, name="document"),
    path("documents/<slug:slug>/attachment/", views.attachment_download, name="attachment"),
    path("documents/<slug:slug>/word/", views.template_docx, name="template_docx"),
    path("feed/", NewDocumentsFeed(), name="feed"),
]

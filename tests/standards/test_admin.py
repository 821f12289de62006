import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from standards.models import (
    Competency,
    CompetencyFramework,
    EmployerQuestion,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
)

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL
CURATED = [
    SourceDocument,
    EthicsPrinciple,
    CompetencyFramework,
    Competency,
    RoleStandard,
    ProhibitedTask,
    EmployerQuestion,
]


def test_curators_group_may_add_change_delete_and_view_standards():
    granted = set(
        Group.objects.get(name="Curators")
        .permissions.filter(content_type__app_label="standards")
        .values_list("codename", flat=True)
    )
    for model in CURATED:
        for action in ("add", "change", "delete", "view"):
            assert f"{action}_{model._meta.model_name}" in granted


def test_staff_outside_curators_cannot_edit_standards(staff_client, seeded):
    task = ProhibitedTask.objects.get(slug="representative_payee")
    change = f"{ADMIN}standards/prohibitedtask/{task.pk}/change/"
    assert staff_client.get(f"{ADMIN}standards/prohibitedtask/add/").status_code == 403
    assert staff_client.get(change).status_code == 403
    assert staff_client.post(change, {"title": "Hijacked"}).status_code == 403
    task.refresh_from_db()
    assert task.title == "Serving as a representative payee"


def test_curator_sees_lists_preview_link_and_history(curator_client, seeded):
    task = ProhibitedTask.objects.get(slug="representative_payee")
    assert curator_client.get(f"{ADMIN}standards/prohibitedtask/").status_code == 200
    change = curator_client.get(f"{ADMIN}standards/prohibitedtask/{task.pk}/change/")
    assert change.status_code == 200
    assert 'href="/standards/tasks/representative_payee/"' in change.content.decode()
    history = curator_client.get(f"{ADMIN}standards/prohibitedtask/{task.pk}/history/")
    assert history.status_code == 200


@pytest.mark.parametrize("model", [m for m in CURATED if m is not Competency])  # inline only
def test_curator_can_open_every_add_form(curator_client, model):
    meta = model._meta
    assert curator_client.get(f"{ADMIN}standards/{meta.model_name}/add/").status_code == 200


def test_competency_edited_inline_is_kept_by_reseeding(curator_client, seeded):
    from tests.standards.conftest import run_seed

    framework = CompetencyFramework.objects.get(slug="mha-ncps-domains")
    url = f"{ADMIN}standards/competencyframework/{framework.pk}/change/"
    response = curator_client.get(url)
    data = {}
    for form in [
        response.context["adminform"].form,
        *response.context["inline_admin_formsets"][0].formset.forms,
    ]:
        for name in form.fields:
            value = form[name].value()
            data[form.add_prefix(name)] = "" if value is None else value
    formset = response.context["inline_admin_formsets"][0].formset
    for key, value in formset.management_form.initial.items():
        data[f"{formset.prefix}-{key}"] = value
    first = formset.forms[0]
    data[first.add_prefix("description")] = "Curator's description."
    assert curator_client.post(url, data).status_code == 302
    run_seed()
    competency = Competency.objects.get(pk=first.instance.pk)
    assert competency.edited_by_curator
    assert competency.description == "Curator's description."

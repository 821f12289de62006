"""The quick check: public, stores nothing. Its print view and PDF are made from the
text posted again with them, and count against the same rate limit."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from portal.ratelimit import allow, client_address
from workspace import exports
from workspace.checking import check_text
from workspace.forms import DescriptionTextForm
from workspace.report import quick_report
from workspace.views.common import too_many

TEMPLATE = "workspace/quick_check.html"


@never_cache
def quick_check(request):
    form = DescriptionTextForm(request=request)
    context = {"form": form}
    if request.method == "POST":
        rate = settings.QUICK_CHECK_RATE_LIMIT
        if not allow("quick_check", rate, client_address(request)):
            # The pasted text stays in the form; a browser never refills a file input.
            context["form"] = DescriptionTextForm(
                request=request, initial={"text": request.POST.get("text", "")}
            )
            context["rate_limited"] = True
            context["file_dropped"] = bool(request.FILES.get("file"))
            return too_many(request, rate, TEMPLATE, context)
        context.update(_checked(request))
    return render(request, TEMPLATE, context)


@require_POST
@never_cache
def quick_check_export(request):
    """The posted description's report as a print view or, with format=pdf, a PDF."""
    rate = settings.QUICK_CHECK_RATE_LIMIT
    if not allow("quick_check", rate, client_address(request)):
        context = {"form": DescriptionTextForm(request.POST, request=request),
                   "rate_limited": True}
        return too_many(request, rate, TEMPLATE, context)
    context = _checked(request)
    if not context.get("checked"):
        return render(request, TEMPLATE, context, status=400)
    if request.POST.get("format") == "pdf":
        response = HttpResponse(exports.report_pdf(context), content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="quick-check.pdf"'
        return response
    return render(request, "workspace/quick_check_print.html", context)


def _checked(request) -> dict:
    """The posted form, and the report of its text when it is valid."""
    form = DescriptionTextForm(request.POST, request.FILES, request=request)
    context = {"form": form}
    if form.is_valid():
        text = form.cleaned_data["text"]
        result = check_text(text)
        context.update(quick_report(text, result))
        context.update(text=text, ruleset_version=result.ruleset_version, checked=True)
    return context

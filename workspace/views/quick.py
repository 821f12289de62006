"""The quick check: public, stores nothing."""

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from portal.ratelimit import allow, client_address
from workspace.checking import check_text
from workspace.forms import DescriptionTextForm
from workspace.report import quick_report
from workspace.views.common import too_many


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
            return too_many(request, rate, "workspace/quick_check.html", context)
        form = DescriptionTextForm(request.POST, request.FILES, request=request)
        context["form"] = form
        if form.is_valid():
            text = form.cleaned_data["text"]
            result = check_text(text)
            context.update(quick_report(text, result))
            context["text"] = text
            context["ruleset_version"] = result.ruleset_version
            context["checked"] = True
    return render(request, "workspace/quick_check.html", context)

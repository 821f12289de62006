"""A person deletes their own account (the privacy page's promise)."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from workspace import retention, services


@login_required
@reauthentication_required(allow_get=True)  # the confirmation page; deleting asks again
def account_delete(request):
    only_admin = retention.organizations_only_admin_of(request.user)
    error = None
    if request.method == "POST":
        user = request.user
        try:
            retention.account_delete(user=user)
        except services.WorkspaceError as refusal:
            error = refusal.message
            only_admin = retention.organizations_only_admin_of(user)
        else:
            logout(request)
            messages.success(request, "Your account was deleted.")
            return redirect("home")
    return render(request, "workspace/account_delete.html", {
        "only_admin": only_admin, "error": error,
    }, status=400 if error else 200)

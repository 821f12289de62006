from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def index(request):
    return render(request, "workspace/index.html")


def quick_check(request):
    return render(request, "workspace/quick_check.html")

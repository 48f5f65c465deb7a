from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


@login_not_required
def home(request):
    return render(request, "web/home.html")


def member_space(request):
    return render(request, "web/member_space.html")

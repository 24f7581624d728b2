from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core.home.selectors import work_queue


@login_required
def home(request):
    """The university's home: what waits for the person signed in."""
    return render(request, "home/home.html", {"queue": work_queue(request.user)})

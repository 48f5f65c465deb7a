"""The staff's pages of the board: who sits on it now and before, adding and changing a seat."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from maillage.accounts.permissions import staff_required
from maillage.core import form_tokens
from maillage.network.memberships.board_forms import BoardSeatForm
from maillage.network.memberships.models import BoardSeat


@staff_required
def board(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    seats = BoardSeat.objects.select_related("person", "college")
    current = seats.current(today).in_board_order()
    context = {
        "current": current,
        "past": seats.filter(ends_on__lt=today).order_by("-ends_on", "pk"),
        "coming": seats.filter(starts_on__gt=today).in_board_order(),
    }
    return render(request, "memberships/staff/board.html", context)


def _edit(request: HttpRequest, seat: BoardSeat | None) -> HttpResponse:
    form = BoardSeatForm(request.POST or None, instance=seat)
    # A replay of a create form is refused by the one-open-seat rule: answer as saved.
    replay = request.method == "POST" and seat is None and not form.is_valid()
    if replay and form_tokens.replayed(BoardSeat, request.POST) is not None:
        form_tokens.tell_saved(request, False, "")
        return redirect("memberships:board")
    if request.method == "POST" and form.is_valid():
        if seat is None:
            form.instance.submission_token = form.cleaned_data["submission"]
            _, created = form_tokens.once(BoardSeat, form.instance.submission_token, form.save)
        else:
            form.save()
            created = True
        form_tokens.tell_saved(request, created, "Le siège au conseil est enregistré.")
        return redirect("memberships:board")
    status = 400 if form.is_bound else 200
    context = {"form": form, "seat": seat}
    return render(request, "memberships/staff/board_seat_form.html", context, status=status)


@staff_required
def board_seat_create(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@staff_required
def board_seat_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _edit(request, get_object_or_404(BoardSeat, pk=pk))

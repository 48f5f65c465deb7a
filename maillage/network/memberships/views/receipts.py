"""A paid membership's receipt, printable on A4: staff, and the member it is for, only."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, render

from maillage.hub import current_hub
from maillage.network.memberships.representation import memberships_visible_to


def receipt(request, pk: int):
    # Loaded from what this person may see: another organisation's receipt is a 404.
    memberships = memberships_visible_to(request.user).paid().filter(receipt_number__isnull=False)
    membership = get_object_or_404(memberships.with_member(), pk=pk)
    return render(
        request,
        "memberships/receipt.html",
        {"membership": membership, "issuer": current_hub().identity},
    )

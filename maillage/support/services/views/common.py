from django.db import IntegrityError, transaction
from django.shortcuts import render

DUPLICATE = "Cette structure propose déjà un service de ce nom."


def bad_request(request, message: str):
    return render(request, "services/bad_request.html", {"message": message}, status=400)


def save_new(form):
    """Save a new service; a double submit that raced past the form's check is an error on the
    name (the database's unique constraint), not a 500. None when refused."""
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError:
        form.add_error("name", DUPLICATE)
        return None

from django.shortcuts import render

from maillage.core.form_tokens import first_write

DUPLICATE = "Cette structure propose déjà un service de ce nom."


def bad_request(request, message: str):
    return render(request, "services/bad_request.html", {"message": message}, status=400)


def save_new(form):
    """Save a new service; a double submit that raced past the form's check is an error on the
    name (the database's unique constraint), not a 500. None when refused."""
    service = first_write(form.save)
    if service is None:
        form.add_error("name", DUPLICATE)
    return service

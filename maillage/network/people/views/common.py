from django.shortcuts import render


def bad_request(request, message: str):
    return render(request, "people/bad_request.html", {"message": message}, status=400)


def session_key_of(request) -> str:
    """The session's key, saving a new session first: export links are tied to it."""
    if request.session.session_key is None:
        request.session.save()
    return request.session.session_key

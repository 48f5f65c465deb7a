from django.shortcuts import render


def bad_request(request, message: str):
    return render(request, "services/bad_request.html", {"message": message}, status=400)

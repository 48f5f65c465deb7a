from django.shortcuts import render


def bad_request(request, message: str, status: int = 400):
    return render(request, "journeys/bad_request.html", {"message": message}, status=status)

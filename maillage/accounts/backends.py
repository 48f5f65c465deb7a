from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Signs in by e-mail, whatever its case."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = kwargs.get("email", username)
        if email is None:
            return None
        return super().authenticate(request, username=email.strip().lower(), password=password)

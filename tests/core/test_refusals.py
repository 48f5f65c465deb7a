"""A refused request gets one page everywhere: the reason, announced, and a way back."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "back"),
    [
        ("/agenda/?type=inconnu", "Revenir à l’agenda"),
        ("/accompagnement/?forme=sarl", "Voir toute l’offre d’accompagnement"),
    ],
)
def test_a_refused_request_says_why_and_where_to_go_back(client, path, back):
    response = client.get(path)

    assert response.status_code == 400
    page = response.content.decode()
    assert '<p class="notice" role="alert">' in page
    assert back in page

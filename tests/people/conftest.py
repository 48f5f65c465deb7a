import pytest

from tests.people.sheets import confirm_data


@pytest.fixture
def staff_client(client_for, staff):
    return client_for(staff)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Confirm an import's mapping; the task queued on commit runs (inline in test settings)."""

    def confirm(client, contact_import, mapping=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/contacts/import/{contact_import.pk}/", confirm_data(mapping))

    return confirm

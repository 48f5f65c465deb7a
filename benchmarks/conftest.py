from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The benchmarks read the real hub data, loaded once."""
    with django_db_blocker.unblock():
        call_command("load_hub", stdout=StringIO())

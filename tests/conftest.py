"""The recurring cast: an anonymous visitor, a member, a partner, a staff member, an admin."""

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests import prepared_database
from tests.factories import UserFactory
from tests.live_server import gunicorn

# No per-example deadline: on a loaded 2-core machine a slow example is not a failure.
hypothesis_settings.register_profile(
    "maillage", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("maillage")


@pytest.fixture(scope="session")
def django_db_setup(
    django_test_environment, django_db_blocker, django_db_modify_db_settings, django_db_createdb
):
    """Each test process works on its own copy of a template database migrated once for all
    processes (tests/prepared_database.py), instead of running every migration itself."""
    from django.db import connection

    with django_db_blocker.unblock():
        configured_name = prepared_database.use_copy_of_template(rebuild=django_db_createdb)
    yield
    with django_db_blocker.unblock():
        connection.creation.destroy_test_db(configured_name, verbosity=0)


@pytest.fixture
def member(db):
    """An account of a current member: a paid membership of this year (ADR 0018)."""
    return UserFactory(email="adherent@exemple.org", current_member=True)


@pytest.fixture
def partner(db):
    return UserFactory(partner=True, email="partenaire@exemple.org")


@pytest.fixture
def staff(db):
    return UserFactory(staff=True, email="equipe@exemple.org")


@pytest.fixture
def administrator(db):
    return UserFactory(administrator=True, email="admin@exemple.org")


@pytest.fixture
def client_for(client):
    """client_for(user) returns the test client signed in as that user (None: anonymous)."""

    def sign_in(user):
        if user is not None:
            client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _mail_through_tasks(settings):
    """Django's test set-up swaps EMAIL_BACKEND for locmem; put the task path back so every test
    sends as production does (queued, serialised, then delivered to locmem by the task)."""
    settings.EMAIL_BACKEND = "maillage.mail.RefusingEmailBackend"


@pytest.fixture(autouse=True)
def _funder_logos_apart(settings, tmp_path_factory):
    """Funders' logos (the demo draws some) go to a folder of the test run, never the checkout's."""
    settings.FUNDER_LOGOS_ROOT = tmp_path_factory.getbasetemp() / "financeurs"


@pytest.fixture(scope="module")
def server(django_db_setup, tmp_path_factory):
    """gunicorn on the test database for the whole test module (tests/live_server.py); its port."""
    with gunicorn(tmp_path_factory.mktemp("gunicorn")) as port:
        yield port


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the marks
def pytest_collection_modifyitems(items):
    """Under xdist (`make test` runs `-n auto --dist loadgroup`), the concurrency tests share one
    worker: threads racing on the database, one storm at a time, so each races only itself. The
    browser tests are not grouped: run one after another they take longer than the rest of the
    suite on two workers."""
    for item in items:
        if "concurrency" in item.path.name:
            item.add_marker(pytest.mark.xdist_group("concurrency"))

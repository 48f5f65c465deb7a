from maillage.core import demo
from maillage.support.journeys.demo import create_demo_journeys
from maillage.support.journeys.models import Referral, StageChange, SupportCase
from tests.services.factories import ServiceFactory


def snapshot():
    return sorted(
        SupportCase.objects.values_list("title", "kind", "stage__slug", "opened_on", "closed_on")
    )


def test_the_demo_creates_fictitious_cases_across_stages_and_kinds_once():
    ServiceFactory(on_offer=True)

    assert create_demo_journeys() == 25
    assert create_demo_journeys() == 0

    cases = SupportCase.objects.all()
    assert cases.count() == 25
    assert all(demo.is_demo(case) and "(fictif)" in case.title for case in cases)
    assert len({case.kind for case in cases}) == 5
    assert cases.values("stage").distinct().count() >= 4
    assert cases.closed().filter(outcome__isnull=False).count() == cases.closed().count() > 0
    assert StageChange.objects.count() > 25
    assert Referral.objects.exists()
    emails = {holder.email for case in cases for holder in case.holders.all()}
    assert all(email.endswith("@demo.maillage.test") for email in emails)


def test_the_demo_is_the_same_on_every_run():
    create_demo_journeys()
    first = snapshot()
    SupportCase.objects.all().delete()

    create_demo_journeys()

    assert snapshot() == first


def test_without_published_services_the_demo_refers_nobody():
    create_demo_journeys()

    assert not Referral.objects.exists()


def test_the_demo_refers_only_to_services_on_offer():
    # Published, but their organisations have no open establishment. Three services in all,
    # so that the demo's turn (every other case) would reach each of them.
    ServiceFactory.create_batch(2)
    offered = ServiceFactory(on_offer=True)

    create_demo_journeys()

    assert set(Referral.objects.values_list("service", flat=True)) == {offered.pk}

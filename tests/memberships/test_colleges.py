from decimal import Decimal

import pytest
from django.core.exceptions import ImproperlyConfigured

from maillage.hub import current_hub
from maillage.network.memberships.colleges import load_colleges
from maillage.network.memberships.enums import MemberKind
from maillage.network.memberships.models import College, DuesRate

pytestmark = pytest.mark.django_db


def test_the_hub_s_file_gives_four_colleges_with_their_categories_and_dues():
    assert load_colleges(current_hub().directory) == 4
    assert list(College.objects.values_list("slug", flat=True)) == [
        "associations",
        "cooperatives-entreprises",
        "collectivites",
        "individuels",
    ]
    individuals = College.objects.get(slug="individuels")
    assert individuals.member_kind == MemberKind.PERSON
    assert DuesRate.objects.get(college=individuals, slug="individuel").amount == Decimal("15")
    assert "à confirmer" in individuals.description


def test_loading_twice_creates_nothing_more():
    load_colleges(current_hub().directory)
    counts = College.objects.count(), DuesRate.objects.count()
    load_colleges(current_hub().directory)
    assert (College.objects.count(), DuesRate.objects.count()) == counts


def test_a_changed_file_updates_weights_and_dues_in_place(tmp_path):
    (tmp_path / "colleges.yaml").write_text(
        "colleges:\n  - {slug: a, name: Collège A, voting_weight: '2', "
        "categories: [{slug: c, name: Cat, dues: '10'}]}\n",
        encoding="utf-8",
    )
    load_colleges(tmp_path)
    (tmp_path / "colleges.yaml").write_text(
        "colleges:\n  - {slug: a, name: Collège A, voting_weight: '3', "
        "categories: [{slug: c, name: Cat, dues: '12.50'}]}\n",
        encoding="utf-8",
    )
    load_colleges(tmp_path)
    college = College.objects.get()
    assert college.voting_weight == 3
    assert college.rates.get().amount == Decimal("12.50")


def test_a_hub_without_the_file_has_no_college(tmp_path):
    assert load_colleges(tmp_path) == 0
    assert not College.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        "colleges:\n  - {name: Sans identifiant}\n",
        "colleges:\n  - {slug: a, name: A, member_kind: robots}\n",
        "colleges:\n  - {slug: a, name: A, categories: [{slug: c, name: C, dues: beaucoup}]}\n",
        "colleges: [unclosed\n",
    ],
)
def test_a_broken_file_is_refused_loudly_and_loads_nothing(tmp_path, content):
    (tmp_path / "colleges.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ImproperlyConfigured):
        load_colleges(tmp_path)
    assert not College.objects.exists()

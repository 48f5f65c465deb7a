"""Double-submit protection: a twin write leaves one row, and the transaction goes on."""

import uuid

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage

from maillage.core.form_tokens import (
    ALREADY_SAVED,
    EXPIRED,
    OneTimeForm,
    TokenUsedElsewhere,
    first_save,
    first_write,
    once,
    tell_saved,
)
from maillage.network.people.models import Tag
from maillage.support.journeys.models import CaseNote
from maillage.support.journeys.stage_file import load_stages
from tests.journeys.factories import SupportCaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(tmp_path):
    load_stages(tmp_path)  # the default journey: a case opens at its first stage
    return SupportCaseFactory()


def test_a_twin_write_refused_by_a_unique_constraint_is_none_and_the_transaction_goes_on():
    first = first_write(lambda: Tag.objects.create(name="Élus", slug="elus"))
    twin = first_write(lambda: Tag.objects.create(name="Élus", slug="elus"))

    assert first is not None
    assert twin is None
    # Its savepoint was rolled back alone: the request's transaction still reads and writes.
    assert first_save(Tag(name="Bénévoles", slug="benevoles"))
    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["benevoles", "elus"]


def test_a_replayed_token_finds_the_row_its_first_submit_created(case):
    token = uuid.uuid4()

    def create():
        return CaseNote.objects.create(case=case, text="Rappeler", submission_token=token)

    first, created = once(CaseNote, token, create, {"case_id": case.pk})
    again, created_again = once(CaseNote, token, create, {"case_id": case.pk})

    assert (created, created_again) == (True, False)
    assert again == first
    assert CaseNote.objects.count() == 1


def test_a_token_already_used_for_another_parent_is_refused(case):
    token = uuid.uuid4()
    CaseNote.objects.create(case=case, text="Ailleurs", submission_token=token)
    other = SupportCaseFactory()

    with pytest.raises(TokenUsedElsewhere):
        once(CaseNote, token, lambda: CaseNote(), {"case_id": other.pk})
    assert CaseNote.objects.count() == 1


class NoteForm(OneTimeForm):
    text = forms.CharField()


def test_a_one_time_form_without_a_readable_token_asks_for_a_reload():
    form = NoteForm({"text": "Bonjour", "submission": "pas-un-jeton"})

    assert not form.is_valid()
    assert form.non_field_errors() == [EXPIRED]


def test_a_one_time_form_draws_a_new_token_each_time_it_is_shown():
    shown = [NoteForm()["submission"].value() for _ in range(2)]

    assert shown[0] != shown[1]
    assert all(uuid.UUID(token) for token in shown)


def test_the_first_submit_is_thanked_and_its_twin_told_it_was_saved_once(rf):
    request = rf.post("/")
    request.session = {}
    request._messages = FallbackStorage(request)

    tell_saved(request, True, "La fiche est créée.")
    tell_saved(request, False, "La fiche est créée.")

    told = [(m.level_tag, m.message) for m in get_messages(request)]
    assert told == [("success", "La fiche est créée."), ("info", ALREADY_SAVED)]

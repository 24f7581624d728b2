"""Destructive actions ask first: each page's delete, remove or revoke button sits behind its question, and the
question says what is lost."""

import re

from tests.core.accounts.helpers import in_english, sign_in, token_for
from tests.core.agreements.agreement_world import make

ASKED = re.compile(r'<details class="ask-first">\s*<summary class="button secondary">(?P<label>[^<]+)</summary>\s*'
                   r'<form method="post" action="(?P<action>[^"]+)">.*?<p>(?P<question>[^<]+)</p>.*?'
                   r'<button type="submit" class="danger">(?P<confirm>[^<]+)</button>', re.DOTALL)


def _asked(page: str) -> list[tuple[str, str, str]]:
    return [(found["label"], found["action"], found["question"]) for found in ASKED.finditer(page)]


def test_deleting_a_draft_or_a_partner_and_revoking_a_token_ask_first(client_a, university_a, admin_a, world):
    draft = make(university_a, world, admin_a)
    in_english(sign_in(client_a, university_a, admin_a))
    token_for(university_a, admin_a, name="Reports")

    agreement = client_a.get(f"/agreements/{draft.pk}/").content.decode()
    partner = client_a.get(f"/partners/{world.osh.pk}/edit/").content.decode()
    tokens = client_a.get("/accounts/tokens/").content.decode()

    assert _asked(agreement) == [("Delete this draft", f"/agreements/{draft.pk}/delete/",
                                  "Delete this draft with its documents for good?")]
    assert _asked(partner) == [("Delete this partner", f"/partners/{world.osh.pk}/delete/",
                                "Delete this partner with its units, contacts, rankings and checks for good?")]
    assert [label for label, _action, _question in _asked(tokens)] == ["Revoke"]
    assert 'class="danger">Delete' not in agreement.split('<details class="ask-first">')[0]  # no one-click delete

"""Resetting a forgotten password by e-mail."""

import re

from django.core import mail
from django_tenants.utils import schema_context

from core.accounts.models import User


def test_the_link_arrives_for_the_same_host_and_sets_a_new_password(client_a, university_a, admin_a):
    response = client_a.post("/accounts/password-reset/", {"email": "ayse@kastamonu.example"})

    assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://(\S+?)(/accounts/password-reset/\S+/)", mail.outbox[0].body)
    assert link.group(1) == "kastamonu.localhost"

    form_page = client_a.get(link.group(2), follow=True)
    assert form_page.context["validlink"]
    response = client_a.post(form_page.redirect_chain[-1][0],
                             {"new_password1": "a river runs through", "new_password2": "a river runs through"})

    assert response["Location"] == "/accounts/password-reset/done/"
    with schema_context(university_a.schema_name):
        assert User.objects.get(username="ayse").check_password("a river runs through")


def test_an_address_of_another_university_gets_no_mail(client_a, admin_b):
    response = client_a.post("/accounts/password-reset/", {"email": "aibek@osh.example"})

    assert response.status_code == 302  # the same answer, so nobody learns who has an account
    assert mail.outbox == []


def test_a_broken_link_says_so(client_a, admin_a):
    response = client_a.get("/accounts/password-reset/MQ/not-a-token/")

    assert response.status_code == 200
    assert not response.context["validlink"]

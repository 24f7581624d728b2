"""Every API view is throttled: anonymous clients per address, signed-in ones per user, per university.

The suite runs with rates far above what any test sends (kopru/settings/test.py); these
tests lower them, as an operator would through KOPRU_API_ANON_RATE and KOPRU_API_USER_RATE.
"""

import pytest
from django.test import Client

from tests.conftest import host_of
from tests.core.accounts.helpers import sign_in


@pytest.fixture
def rates(settings):
    def lower(**rates):
        settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {
            "anon": "1000/min", "user": "1000/min", **rates}}

    return lower


def ask_for_a_token(client: Client):
    return client.post("/api/auth/token/", {}, content_type="application/json")


def test_anonymous_clients_are_refused_past_the_rate_in_the_api_error_shape(client_a, rates):
    rates(anon="2/min")

    answers = [ask_for_a_token(client_a) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [400, 400, 429]
    error, wait = answers[-1].json()["error"], answers[-1]["Retry-After"]
    assert error["code"] == "throttled"
    assert int(wait) > 0 and wait in error["message"]  # in Kastamonu's Turkish: "… 60 saniye sonra …"


def test_signed_in_users_are_counted_per_user(client_a, university_a, admin_a, rates):
    rates(user="2/min")
    office = sign_in(client_a, university_a, admin_a)

    answers = [office.get("/api/university/") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[-1].json()["error"]["code"] == "throttled"


def test_counters_are_kept_per_university(client_a, client_b, rates):
    rates(anon="1/min")

    first_here, again_here = ask_for_a_token(client_a), ask_for_a_token(client_a)
    first_there = ask_for_a_token(client_b)  # the same address, another university

    assert (first_here.status_code, again_here.status_code, first_there.status_code) == (400, 429, 400)


def test_behind_a_proxy_the_address_is_the_one_the_proxy_saw(university_a, rates, settings):
    rates(anon="1/min")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}

    def through_the_ingress(client_says: str, ingress_saw: str):
        client = Client(HTTP_HOST=host_of(university_a), HTTP_X_FORWARDED_FOR=f"{client_says}, {ingress_saw}")
        return ask_for_a_token(client).status_code

    # a client cannot buy a fresh counter by inventing an address, and two clients do not share one
    assert through_the_ingress("1.1.1.1", "203.0.113.7") == 400
    assert through_the_ingress("2.2.2.2", "203.0.113.7") == 429
    assert through_the_ingress("1.1.1.1", "198.51.100.9") == 400

"""Error codes come from the apps' enums, and the statuses the web answers name only codes that exist."""

import importlib
import pkgutil

import pytest

import core
from kopru.errors import CommonError, ErrorCode, ServiceError
from kopru.statuses import STATUSES, status_of


def every_code() -> set[str]:
    for app in pkgutil.iter_modules(core.__path__):
        if importlib.util.find_spec(f"core.{app.name}.errors"):
            importlib.import_module(f"core.{app.name}.errors")
    importlib.import_module("console.errors")
    importlib.import_module("kopru.uploads")
    importlib.import_module("kopru.spreadsheets")
    enums, seen = [], list(ErrorCode.__subclasses__())
    while seen:
        enum = seen.pop()
        enums.append(enum)
        seen.extend(enum.__subclasses__())
    return {member.value for enum in enums for member in enum}


def test_a_service_error_takes_only_a_code_of_an_enum():
    with pytest.raises(TypeError):
        ServiceError("not_a_draft", "Only a draft can be changed.")


def test_every_status_is_given_to_a_code_some_app_raises():
    codes = every_code()

    assert not set(STATUSES) - codes
    assert {"not_a_draft", "wrong_status", "partner_in_use", "sign_in_throttled"} <= codes


def test_a_code_without_a_status_of_its_own_is_a_correctable_request():
    assert status_of(ServiceError(CommonError.INVALID, "Some fields are not valid.")) == 400
    assert status_of(ServiceError(CommonError.NOT_FOUND, "Nothing was found at this address.")) == 404

"""Personas and a session to work on.

Organisation A is a municipality with a member, a facilitator, a coordinator and a
manager; the outsider belongs to organisation B and must see nothing of A.
"""

import importlib
import signal

import pytest
from django.contrib.auth.models import User

from deliberation.models import Session
from principles.models import CoreValue, Membership, Organisation


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing passwords properly is slow on purpose; tests do not need that."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def reference_data(request):
    """Transactional tests start from a flushed database: load the reference data again.

    The principles and the three R's come from a data migration; loading them is
    idempotent (update_or_create on their stable codes).
    """
    if not is_transactional(request.node):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    importlib.import_module("principles.migrations.0002_reference_data").load(apps, None)


@pytest.fixture
def signal_handlers():
    """The task worker installs its own SIGINT/SIGTERM handlers; put pytest's back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def make_user(username, organisation, role, first_name):
    user = User.objects.create_user(
        username, password="a-long-test-password-123", first_name=first_name, last_name="Tester"
    )
    Membership.objects.create(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def org_a(db):
    org = Organisation.objects.create(name="Gemeente Aadorp", kind="gemeente")
    CoreValue.objects.create(organisation=org, name="Openheid", position=1)
    CoreValue.objects.create(organisation=org, name="Betrouwbaarheid", position=2)
    return org


@pytest.fixture
def org_b(db):
    org = Organisation.objects.create(name="Provincie Bedeland", kind="provincie")
    CoreValue.objects.create(organisation=org, name="Eerlijkheid", position=1)
    return org


@pytest.fixture
def member(org_a):
    return make_user("member", org_a, "deelnemer", "Mila")


@pytest.fixture
def facilitator(org_a):
    return make_user("facilitator", org_a, "gespreksleider", "Fatima")


@pytest.fixture
def coordinator(org_a):
    return make_user("coordinator", org_a, "integriteitscoordinator", "Cor")


@pytest.fixture
def manager(org_a):
    return make_user("manager", org_a, "manager", "Marit")


@pytest.fixture
def bystander(org_a):
    """A member of organisation A who takes no part in the session."""
    return make_user("bystander", org_a, "deelnemer", "Bas")


@pytest.fixture
def outsider(org_b):
    return make_user("outsider", org_b, "gespreksleider", "Olaf")


@pytest.fixture
def session(org_a, facilitator, member):
    session = Session.objects.create(
        organisation=org_a,
        title="Windmolens bij de dijk",
        facilitator=facilitator,
        created_by=facilitator,
        option_x="Vergunning verlenen",
        option_y="Vergunning weigeren",
    )
    session.participants.set([facilitator, member])
    return session


@pytest.fixture
def as_member(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def as_facilitator(client, facilitator):
    client.force_login(facilitator)
    return client


@pytest.fixture
def as_outsider(client, outsider):
    client.force_login(outsider)
    return client


def is_transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in getattr(
        item, "fixturenames", ()
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run transactional tests last, after the random shuffle.

    They end by flushing the database, reference data from the migrations included,
    which the other tests rely on (Django's own runner orders them the same way).
    """
    items.sort(key=is_transactional)

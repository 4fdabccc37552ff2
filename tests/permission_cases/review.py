"""URL cases of reviewing and sharing cases (casebook/review_views.py), for
tests/test_permissions.py.

Reviewing and linking need ``annotate``, sharing needs ``share`` (both: the
integriteitscoördinator of the case's organisation). The shared cases of other organisations
(``/gedeeld/``) are for every member (``see_casebook``): a case that organisation C shared is
open to the personas of A and to the outsider of B alike. ``/openbaar/`` needs no login.
"""

from django.utils import timezone

from casebook import anonymise, records
from casebook.models import CaseLink, CaseShare
from deliberation.models import Session
from principles.models import Organisation
from tests.conftest import make_user


def shared_case(world):
    """A case of a third organisation, shared publicly (so also with other organisations)."""
    if "review_share" not in world:
        organisation = Organisation.objects.create(name="Waterschap Cedam", kind="waterschap")
        leader = make_user("cedam", organisation, "integriteitscoordinator", "Cees")
        session = Session.objects.create(
            organisation=organisation,
            title="Gedeelde casus",
            facilitator=leader,
            created_by=leader,
            option_x="Ja",
            option_y="Nee",
        )
        records.finalise(session, by=leader)
        version = anonymise.current_version(session)
        world["review_share"] = anonymise.share_case(
            session,
            by=leader,
            level=CaseShare.Level.PUBLIC,
            consent_by="Probleemeigenaar",
            consent_on=timezone.localdate(),
            replacements=anonymise.propose(version.data),
        )
    return world["review_share"]


def case_link(world):
    if "review_link" not in world:
        finalised = world["finalised"]
        earlier = Session.objects.create(
            organisation=finalised.organisation,
            title="Eerder",
            facilitator=world["people"]["leader"],
            created_by=world["people"]["leader"],
        )
        records.finalise(earlier, by=world["people"]["leader"])
        world["review_link"] = CaseLink.objects.create(
            source=finalised, target=earlier, kind="volgt", created_by=world["people"]["leader"]
        )
    return world["review_link"]


def cases(world):
    fin = world["finalised"].pk
    link = case_link(world)
    share = shared_case(world)
    return [
        ("case_review", "get", f"/casebook/{fin}/beoordelen/", None, "annotate"),
        ("case_review", "post", f"/casebook/{fin}/beoordelen/", {"lessons": "x"}, "annotate"),
        ("case_link_add", "post", f"/casebook/{fin}/koppelingen/", {}, "annotate"),
        (
            "case_link_delete",
            "post",
            f"/casebook/{fin}/koppelingen/{link.pk}/verwijderen/",
            {},
            "annotate",
        ),
        ("case_share", "get", f"/casebook/{fin}/delen/", None, "share"),
        ("case_share", "post", f"/casebook/{fin}/delen/", {"level": "overheid"}, "share"),
        ("case_share_withdraw", "post", f"/casebook/{fin}/delen/intrekken/", {}, "share"),
        ("shared_cases", "get", "/gedeeld/", None, "see_casebook", True),
        ("shared_case", "get", f"/gedeeld/{share.pk}/", None, "see_casebook", True),
        ("shared_case_pdf", "get", f"/gedeeld/{share.pk}/pdf/", None, "see_casebook", True),
    ]


def public(world):
    share = shared_case(world)
    return [("public_cases", "/openbaar/"), ("public_case", f"/openbaar/{share.pk}/")]

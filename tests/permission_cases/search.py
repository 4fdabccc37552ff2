"""URL cases of finding cases (the casebook search and the case page) and of precedents at
step 6, for tests/test_permissions.py.

The precedents use a session of their own, with the same leader and participant as the
world's open session: joining a meeting room (tests/permission_cases/room.py) changes who
takes part in the open session, whatever order the modules run in.
"""

from casebook.models import Precedent
from deliberation.models import Session


def cases(world):
    finalised = world["finalised"]
    leader, participant = world["people"]["leader"], world["people"]["participant"]
    session, created = Session.objects.get_or_create(
        organisation=finalised.organisation,
        title="Precedenten",
        defaults={"facilitator": leader, "created_by": leader},
    )
    if created:
        session.participants.set([leader, participant])
    precedent, _ = Precedent.objects.get_or_create(
        session=session,
        earlier=finalised,
        defaults={
            "stance": Precedent.Stance.FOLLOWS,
            "reason": "Zelfde situatie",
            "created_by": leader,
        },
    )
    base = f"/sessies/{session.pk}/precedenten/"
    return [
        ("casebook", "get", "/casebook/", None, "see_casebook", True),
        ("case", "get", f"/casebook/{finalised.pk}/", None, "see_casebook"),
        ("precedent_add", "post", base, {"earlier": finalised.pk, "reason": ""}, "edit_session"),
        ("precedent_delete", "post", f"{base}{precedent.pk}/verwijderen/", {}, "edit_session"),
    ]

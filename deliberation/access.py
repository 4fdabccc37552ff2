"""The one way views reach sessions and their items.

Anything outside the user's reach answers 404, so the existence of another
organisation's session is never revealed.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Session


def get_session_for_user(user, pk, write=False):
    """The session ``pk`` if the user may see it (and, with ``write``, change it)."""
    try:
        session = (
            Session.objects.visible_to(user)
            .with_participation_of(user)
            .select_related("organisation", "facilitator", "created_by")
            .get(pk=pk)
        )
    except Session.DoesNotExist:
        raise Http404 from None
    if write and not session.can_edit(user):
        raise PermissionDenied
    return session.load_progress()


def get_item_for_session(model, session, pk):
    """An item (stakeholder, argument, …) of this session; 404 for anything else."""
    try:
        return model.objects.get(session=session, pk=pk)
    except model.DoesNotExist:
        raise Http404 from None

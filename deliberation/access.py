"""The one way views reach sessions and their items.

Anything outside the user's reach answers 404, so the existence of another
organisation's session is never revealed; a refusal for a session the user can see
answers 403. Every refusal of an existing session leaves an audit event.
"""

from principles import audit

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
        hidden = Session.objects.filter(pk=pk).only("id", "organisation_id").first()
        if hidden is not None:
            audit.refuse("session.view", hidden)
        raise audit.NotFound from None
    if write and not session.can_edit(user):
        audit.refuse("session.edit", session, status=403)
    return session.load_progress()


def require(allowed, action, session, status=404):
    """Refuse (with an audit event) unless ``allowed``."""
    if not allowed:
        audit.refuse(action, session, status=status)


def get_item_for_session(model, session, pk):
    """An item (stakeholder, argument, …) of this session; 404 for anything else."""
    try:
        return model.objects.get(session=session, pk=pk)
    except model.DoesNotExist:
        other = model.objects.filter(pk=pk).first()
        if other is not None:
            audit.refuse(f"{model._meta.model_name}.view", other)
        raise audit.NotFound from None

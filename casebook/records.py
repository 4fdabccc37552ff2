"""Finalising a session into an immutable record version, and the record's canonical JSON.

The JSON is the record: the PDF shows it, embeds it, and its SHA-256 identifies it.
Values are stored as codes (``B``, ``houdt_stand``, principle codes) so the record stays
machine-readable whatever the interface's language; names of people appear only where
the record needs them (participants with their roles, who finalised).
"""

import hashlib
import json

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deliberation.models import (
    STEP_SHORT_NAMES,
    ApplicableRule,
    Argument,
    CompensationMeasure,
    ControlAnswer,
    Fact,
    InformationNeed,
    Objection,
    PrincipleTest,
    RJudgement,
    Session,
    Stakeholder,
)

from .models import Precedent, RecordVersion

SCHEMA = "toetssteen.besluit/1"


def person(user):
    return {"name": user.get_full_name() or user.get_username(), "username": user.get_username()}


def iso(value):
    return value.isoformat() if value else None


def canonical(data):
    """The one byte-exact form of a record: sorted keys, no whitespace, UTF-8."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256(text):
    return hashlib.sha256(text.encode()).hexdigest()


def missing_steps(session):
    """The names of what still stands between this session and finalising."""
    session.load_progress()
    missing = [
        f"{_('Step')} {number}: {STEP_SHORT_NAMES[number]}"
        for number in range(1, 8)
        if not session.step_complete(number)
    ]
    if not session.n_control_answers:
        missing.append(str(STEP_SHORT_NAMES[8]))
    return missing


def snapshot(session, *, number, supersedes, reason, by, at):
    """The whole session as a plain dict, in the record's schema."""
    stakeholders = list(Stakeholder.objects.filter(session=session))
    arguments = list(
        Argument.objects.filter(session=session).prefetch_related(
            "principles", "r_criteria", "core_values"
        )
    )
    participants = list(
        session.participants.select_related("membership").order_by("last_name", "first_name")
    )
    answers = list(ControlAnswer.objects.filter(session=session))
    needs = list(InformationNeed.objects.filter(session=session))
    return {
        "schema": SCHEMA,
        "record": {
            "version": number,
            "supersedes": supersedes.number if supersedes else None,
            "supersedes_sha256": supersedes.sha256 if supersedes else None,
            "reason": reason,
            "finalised_at": iso(at),
            "finalised_by": person(by),
        },
        "organisation": {
            "name": session.organisation.name,
            "kind": session.organisation.kind,
        },
        "session": {
            "id": session.pk,
            "title": session.title,
            "date": iso(session.date),
            "mode": session.mode,
            "created_at": iso(session.created_at),
            "decided_at": iso(session.decided_at),
            "facilitator": person(session.facilitator),
            "participants": [
                {
                    **person(p),
                    "role": getattr(getattr(p, "membership", None), "role", ""),
                    "unit": getattr(getattr(p, "membership", None), "unit", ""),
                    "is_facilitator": p.pk == session.facilitator_id,
                }
                for p in participants
            ],
        },
        "dilemma": {
            "problem": session.problem_statement,
            "option_x": session.option_x,
            "option_y": session.option_y,
            "signals": sorted(session.signals or []),
            "clear_legal_rule": session.clear_legal_rule,
            "legal_rule_note": session.legal_rule_note,
        },
        "stakeholders": [
            {
                "id": s.pk,
                "name": s.name,
                "kind": s.kind,
                "rights": s.rights,
                "interests": s.interests,
                "expectations": s.expectations,
            }
            for s in stakeholders
        ],
        "owner": {
            "who_decides": session.owner_name,
            "group_owns_problem": session.group_owns_problem,
            "referred_to": session.referred_to,
            "note": session.owner_note,
        },
        "facts": {
            "rules": [
                {"title": r.title, "verdict": r.verdict, "assessment": r.assessment}
                for r in ApplicableRule.objects.filter(session=session)
            ],
            "facts": [
                {"text": f.text, "source": f.source} for f in Fact.objects.filter(session=session)
            ],
            "information_needs": [
                {
                    "question": n.question,
                    "assignee": n.assignee,
                    "status": n.status,
                    "answer": n.answer,
                }
                for n in needs
            ],
            "open_information_needs": sum(n.status == InformationNeed.Status.OPEN for n in needs),
            "sufficient": session.facts_sufficient,
            "note": session.facts_note,
        },
        "arguments": [
            {
                "id": a.pk,
                "side": a.side,
                "position": a.position,
                "category": a.category,
                "text": a.text,
                "principles": sorted(p.code for p in a.principles.all()),
                "r_criteria": sorted(r.code for r in a.r_criteria.all()),
                "core_values": sorted(c.name for c in a.core_values.all()),
                "stakeholder": a.stakeholder_id,
                "decisive": a.decisive,
            }
            for a in arguments
        ],
        "decision": {
            "chosen_option": session.chosen_option,
            "third_way": session.third_way,
            "decisive_arguments": [a.pk for a in arguments if a.decisive],
            "reasoning": session.reasoning,
            "g_over_b_justification": session.g_over_b_justification,
            "r_judgements": [
                {"code": j.criterion.code, "assessment": j.assessment, "note": j.note}
                for j in RJudgement.objects.filter(session=session).select_related("criterion")
            ],
            "principle_tests": [
                {
                    "code": t.principle.code,
                    "number": t.principle.number,
                    "verdict": t.verdict,
                    "note": t.note,
                }
                for t in PrincipleTest.objects.filter(session=session).select_related("principle")
            ],
        },
        "compensation": {
            "measures": [
                {
                    "id": m.pk,
                    "stakeholder": m.stakeholder_id,
                    "action": m.action,
                    "owner": m.owner,
                    "due_date": iso(m.due_date),
                    "status": m.status,
                }
                for m in CompensationMeasure.objects.filter(session=session)
            ],
            "note": session.compensation_note,
        },
        "control_question": {
            "participants": len(participants),
            "answers": len(answers),
            "situation": {
                value: sum(a.situation == value for a in answers)
                for value in ControlAnswer.Situation.values
            },
            "stance": {
                value: sum(a.stance == value for a in answers)
                for value in ControlAnswer.Stance.values
            },
            "negative": sum(a.is_negative for a in answers),
            "comments": sorted(a.comment for a in answers if a.comment),
        },
        "objections": [
            {
                "step": o.step,
                "text": o.text,
                "raised_at": iso(o.raised_at),
                "handling": o.handling,
                "reason": o.handling_reason,
                "handled_at": iso(o.handled_at),
            }
            for o in Objection.objects.filter(session=session)
        ],
        # Earlier decisions the group followed or deliberately deviated from (step 6).
        "precedents": [
            {
                "session": p.earlier_id,
                "title": p.earlier.title,
                "stance": p.stance,
                "reason": p.reason,
            }
            for p in Precedent.objects.filter(session=session).select_related("earlier")
        ],
    }


def finalise(session, by, reason=""):
    """Freeze the session into the next record version; returns the new version."""
    with transaction.atomic():
        locked = Session.objects.select_for_update().get(pk=session.pk)
        previous = RecordVersion.objects.filter(session=locked).order_by("-number").first()
        number = previous.number + 1 if previous else 1
        at = timezone.now()
        text = canonical(
            snapshot(locked, number=number, supersedes=previous, reason=reason, by=by, at=at)
        )
        version = RecordVersion(
            session=locked,
            number=number,
            supersedes=previous,
            reason=reason,
            finalised_by=by,
            finalised_at=at,
            canonical_json=text,
            sha256=sha256(text),
        )
        version.save()
        Session.objects.filter(pk=locked.pk).update(status=Session.Status.FINALISED, updated_at=at)
    return version


def start_correction(session):
    """Open a finalised session again so a corrected version can be finalised."""
    Session.objects.filter(pk=session.pk, status=Session.Status.FINALISED).update(
        status=Session.Status.DECIDED, updated_at=timezone.now()
    )

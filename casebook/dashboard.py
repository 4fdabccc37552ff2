"""The signals dashboard: the numbers, and the rule that raises a signal.

For integrity coordinators and managers of one organisation (``Action.SEE_SIGNALS``), over
the last twelve calendar months (the current month included):

- sessions per month, by the session's date;
- the share of control-question answers that were negative — the situation felt
  *onprettig* or the participant does *not* stand behind the decision
  (``ControlAnswer.is_negative``) — per organisation unit and per month, by the time the
  answer was saved;
- excuses (S arguments) that recur: texts with the same key words, whatever their order,
  case or punctuation, and the key words that come back most;
- compensation measures past their due date that are still planned or in progress;
- tegenspraak set aside (``Objection.Handling.SET_ASIDE``);
- the principles most at stake: how often arguments rest on each principle, and how often
  the decision put it under pressure (``PrincipleTest.Verdict.PRESSURE``).

**Organisation unit.** A unit is ``Membership.unit``, as everywhere in Toetssteen
(``casebook.exports.units_of``). A control answer counts for the unit of the participant
who gave it, as that participant's membership says now; members without a unit form one
group of their own ("no unit given"), which can raise a signal too.

**The signal rule.** Each organisation sets how many negative answers within how many days
in one unit ask for a conversation (``SignalPolicy``; three in ninety days when none is
set). When a unit reaches it, a ``Signal`` is raised: open, with the count and the window.
A unit never has two open signals. Once the coordinator records the conversation and its
outcome, the signal closes, and only negative answers saved after that moment count towards
a new one. The rule is checked whenever a control answer is saved (the receiver at the end
of this module) and whenever the dashboard is shown, so a changed policy applies at once.
An answer counts from the moment it was last saved.
"""

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Count, Exists, F, Max, OuterRef, Q, Value
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from deliberation.models import (
    Argument,
    Category,
    CompensationMeasure,
    ControlAnswer,
    Objection,
    PrincipleTest,
    Session,
)
from principles import audit
from principles.models import Organisation, Principle, membership_of

from . import charts
from .models import RecordVersion, Signal, SignalPolicy

MONTHS = 12
EXCUSE_SAMPLE = 2000  # the most recent S arguments read for recurring excuses
TOP_EXCUSES = 10
TOP_WORDS = 12
OVERDUE_LISTED = 50
SET_ASIDE_LISTED = 25
CLOSED_SIGNALS_LISTED = 10
OPEN_MEASURES = [CompensationMeasure.Status.PLANNED, CompensationMeasure.Status.IN_PROGRESS]

NEGATIVE = Q(situation=ControlAnswer.Situation.UNPLEASANT) | Q(stance=ControlAnswer.Stance.NO)


# --- the signal rule -------------------------------------------------------------------


def policy_of(organisation_id):
    """The organisation's signal policy, or the default (unsaved) when it has none."""
    policy = SignalPolicy.objects.filter(organisation_id=organisation_id).first()
    return policy or SignalPolicy(organisation_id=organisation_id)


def answers_with_unit(organisation_id):
    """Control answers given in the organisation's sessions, each with the unit of the
    participant who gave it ("" when the participant has none)."""
    return ControlAnswer.objects.filter(session__organisation_id=organisation_id).annotate(
        unit=Coalesce(F("participant__membership__unit"), Value(""))
    )


def evaluate(organisation_id, units=None, now=None, policy=None):
    """Raise a signal for every unit (of ``units``, or all) whose negative answers reached
    the policy's threshold within its window; return the signals raised.

    At most three queries when nothing is raised: the policy, the negative answers of the
    window and, per unit, whether a signal is open and when the last one closed.
    """
    now = now or timezone.now()
    policy = policy or policy_of(organisation_id)
    since = now - timedelta(days=policy.window_days)
    answers = answers_with_unit(organisation_id).filter(NEGATIVE, answered_at__gte=since)
    signals = Signal.objects.filter(organisation_id=organisation_id)
    if units is not None:
        answers = answers.filter(unit__in=units)
        signals = signals.filter(unit__in=units)
    times = defaultdict(list)
    for unit, answered_at in answers.values_list("unit", "answered_at"):
        times[unit].append(answered_at)
    if not times:
        return []
    open_units, closed_at = set(), {}
    for row in signals.values("unit", "status").annotate(last=Max("closed_at")).order_by():
        if row["status"] == Signal.Status.OPEN:
            open_units.add(row["unit"])
        elif row["last"] is not None:
            closed_at[row["unit"]] = row["last"]
    raised = []
    for unit, moments in sorted(times.items()):
        if unit in open_units:
            continue
        cutoff = closed_at.get(unit)
        counted = [moment for moment in moments if cutoff is None or moment > cutoff]
        start = max(since, cutoff) if cutoff is not None else since
        if len(counted) >= policy.threshold:
            signal = raise_signal(organisation_id, unit, len(counted), start, now, policy)
            if signal is not None:
                raised.append(signal)
    return raised


def raise_signal(organisation_id, unit, count, start, now, policy):
    """Open a signal for the unit, unless one is open already (checked again under a lock,
    so two requests at the same moment never open two)."""
    with transaction.atomic():
        # PostgreSQL: one evaluation per organisation at a time (FOR NO KEY UPDATE does not
        # block inserts that refer to the organisation). SQLite writes one at a time anyway.
        list(
            Organisation.objects.select_for_update(no_key=True)
            .filter(pk=organisation_id)
            .values_list("pk", flat=True)
        )
        if Signal.objects.filter(
            organisation_id=organisation_id, unit=unit, status=Signal.Status.OPEN
        ).exists():
            return None
        signal = Signal.objects.create(
            organisation_id=organisation_id,
            unit=unit,
            raised_at=now,
            window_start=timezone.localtime(start).date(),
            window_end=timezone.localtime(now).date(),
            count=count,
        )
        # Raised by the rule, not by a person: no actor, address or request.
        audit.record(
            "signal.raise",
            signal,
            anonymous=True,
            detail={
                "count": count,
                "threshold": policy.threshold,
                "window_days": policy.window_days,
            },
        )
    return signal


@receiver(post_save, sender=ControlAnswer, dispatch_uid="casebook_signal_on_control_answer")
def control_answer_saved(sender, instance, raw=False, **kwargs):
    """A negative answer may complete a signal for its participant's unit."""
    if raw or not instance.is_negative:
        return
    membership = membership_of(instance.participant)
    unit = membership.unit if membership is not None else ""
    evaluate(instance.session.organisation_id, units=[unit])


# --- the numbers -----------------------------------------------------------------------


def month_starts(today, count=MONTHS):
    """The first day of each of the last ``count`` months, oldest first."""
    index = today.year * 12 + today.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - count + 1, index + 1)]


def month_label(first_day):
    return formats.date_format(first_day, "F Y")


def unit_label(unit):
    return unit or _("No unit given")


def percentage(part, whole):
    return round(100 * part / whole) if whole else None


def share_text(negative, total):
    if not total:
        return _("no answers")
    return _("%(share)s%% (%(negative)s of %(total)s)") % {
        "share": percentage(negative, total),
        "negative": negative,
        "total": total,
    }


def sessions_per_month(organisation_id, months, today):
    """Sessions held per month, by the session's date."""
    rows = (
        Session.objects.filter(
            organisation_id=organisation_id, date__gte=months[0], date__lte=today
        )
        .annotate(y=ExtractYear("date"), m=ExtractMonth("date"))
        .values("y", "m")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = {(row["y"], row["m"]): row["n"] for row in rows}
    return [
        {
            "month": first,
            "label": month_label(first),
            "count": counts.get((first.year, first.month), 0),
        }
        for first in months
    ]


def control_answer_shares(organisation_id, since):
    """Answers and negative answers per unit and per month, from one grouped query."""
    rows = (
        answers_with_unit(organisation_id)
        .filter(answered_at__gte=since)
        .annotate(y=ExtractYear("answered_at"), m=ExtractMonth("answered_at"))
        .values("unit", "y", "m")
        .annotate(total=Count("pk"), negative=Count("pk", filter=NEGATIVE))
        .order_by()
    )
    by_unit = defaultdict(lambda: [0, 0])
    by_month = defaultdict(lambda: [0, 0])
    for row in rows:
        for bucket in (by_unit[row["unit"]], by_month[(row["y"], row["m"])]):
            bucket[0] += row["negative"]
            bucket[1] += row["total"]
    return by_unit, by_month


def share_rows(items):
    return [
        {
            "label": label,
            "negative": negative,
            "total": total,
            "share": percentage(negative, total),
            "text": share_text(negative, total),
        }
        for label, (negative, total) in items
    ]


WORD = re.compile(r"[^\W_]+")
# Words that say nothing about the excuse itself (Dutch and English function words).
STOPWORD_TEXT = """
    aan al alle alles als ben bij dan dat de der deze die dit door een en er ge geen haar
    had heb hebben heeft hem het hier hij hoe hun ik in is je jij kan kon maar me meer men
    met mij mijn na naar niet niets nog nu of om omdat ons onze ook op over te tot u uit
    van veel voor want was waren wat we wel werd wie wij wil worden wordt ze zal zich zij
    zijn zo zonder zou zouden
    a an and are as at be but by do does for from had has have i if in is it its me my no
    not of on or our so than that the their them then there they this to us was we were
    what which who will with would you your
"""
STOPWORDS = frozenset(STOPWORD_TEXT.split())


def normalised(text):
    """Lower case, accents and punctuation gone, words separated by one space."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(WORD.findall(text))


def key_words(text):
    """The words of an excuse that carry its meaning, once each."""
    return {word for word in normalised(text).split() if word not in STOPWORDS and len(word) > 2}


def recurring_excuses(organisation_id, since_date):
    """S arguments that come back: grouped by their key words (so "Dat doen we altijd zo"
    and "Zo doen we dat altijd!" are one excuse), and the key words used most."""
    texts = list(
        Argument.objects.filter(
            session__organisation_id=organisation_id,
            session__date__gte=since_date,
            category=Category.EXCUSE,
        )
        .order_by("-session__date", "-id")
        .values_list("text", "session_id")[:EXCUSE_SAMPLE]
    )
    groups = defaultdict(lambda: {"count": 0, "sessions": set(), "wordings": Counter()})
    words = Counter()
    for text, session_id in texts:
        keys = key_words(text)
        signature = " ".join(sorted(keys)) or normalised(text)
        if not signature:
            continue
        group = groups[signature]
        group["count"] += 1
        group["sessions"].add(session_id)
        group["wordings"][" ".join(text.split())] += 1
        words.update(keys)
    recurring = sorted(
        (
            {
                "text": group["wordings"].most_common(1)[0][0],
                "count": group["count"],
                "sessions": len(group["sessions"]),
                "variants": len(group["wordings"]),
            }
            for group in groups.values()
            if group["count"] >= 2
        ),
        key=lambda row: (-row["count"], -row["sessions"], row["text"]),
    )[:TOP_EXCUSES]
    common = [
        {"word": word, "count": n}
        for word, n in sorted(words.items(), key=lambda pair: (-pair[1], pair[0]))
        if n >= 2
    ][:TOP_WORDS]
    return {
        "groups": recurring,
        "words": common,
        "read": len(texts),
        "capped": len(texts) == EXCUSE_SAMPLE,
    }


def overdue_measures(organisation_id, today):
    measures = CompensationMeasure.objects.filter(
        session__organisation_id=organisation_id, due_date__lt=today, status__in=OPEN_MEASURES
    )
    listed = list(
        measures.select_related("session")
        .annotate(has_record=Exists(RecordVersion.objects.filter(session=OuterRef("session"))))
        .order_by("due_date", "id")[:OVERDUE_LISTED]
    )
    for measure in listed:
        measure.days_overdue = (today - measure.due_date).days
        measure.url = (
            reverse("record", args=[measure.session_id])
            if measure.has_record
            else reverse("step", args=[measure.session_id, 7])
        )
    total = len(listed) if len(listed) < OVERDUE_LISTED else measures.count()
    return {"listed": listed, "total": total}


def objections_set_aside(organisation_id, since):
    """Tegenspraak raised in the period: how it was handled, and the objections set aside."""
    objections = Objection.objects.filter(
        session__organisation_id=organisation_id, raised_at__gte=since
    )
    by_handling = dict(objections.values_list("handling").annotate(n=Count("pk")).order_by())
    listed = list(
        objections.filter(handling=Objection.Handling.SET_ASIDE)
        .select_related("session")
        .order_by(F("handled_at").desc(nulls_last=True), "-id")[:SET_ASIDE_LISTED]
    )
    handled = sum(n for handling, n in by_handling.items() if handling != Objection.Handling.OPEN)
    return {
        "listed": listed,
        "set_aside": by_handling.get(Objection.Handling.SET_ASIDE, 0),
        "handled": handled,
        "raised": sum(by_handling.values()),
    }


def principles_at_stake(organisation_id, since_date):
    """Per principle: arguments resting on it and decisions that put it under pressure."""
    in_arguments = dict(
        Argument.principles.through.objects.filter(
            argument__session__organisation_id=organisation_id,
            argument__session__date__gte=since_date,
        )
        .values_list("principle_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    under_pressure = dict(
        PrincipleTest.objects.filter(
            session__organisation_id=organisation_id,
            session__date__gte=since_date,
            verdict=PrincipleTest.Verdict.PRESSURE,
        )
        .values_list("principle_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = [
        {
            "principle": principle,
            "arguments": in_arguments.get(principle.pk, 0),
            "pressure": under_pressure.get(principle.pk, 0),
        }
        for principle in Principle.objects.all()
    ]
    for row in rows:
        row["total"] = row["arguments"] + row["pressure"]
    rows.sort(key=lambda row: (-row["pressure"], -row["total"], row["principle"].number))
    return rows


# --- the charts --------------------------------------------------------------------------


def describe_largest(rows, value, label, empty):
    """A one-sentence summary for a chart's description."""
    if not rows or not any(value(row) for row in rows):
        return empty
    top = max(rows, key=value)
    return _("Highest: %(label)s.") % {"label": label(top)}


def sessions_chart(rows):
    total = sum(row["count"] for row in rows)
    return charts.bar_chart(
        chart_id="chart-sessions",
        title=_("Sessions per month"),
        description=" ".join(
            [
                ngettext(
                    "%(count)s session in the last 12 months.",
                    "%(count)s sessions in the last 12 months.",
                    total,
                )
                % {"count": total},
                describe_largest(
                    rows,
                    lambda row: row["count"],
                    lambda row: f"{row['label']} ({row['count']})",
                    "",
                ),
            ]
        ).strip(),
        rows=[charts.Row(row["label"], [row["count"]]) for row in rows],
    )


def share_chart(chart_id, title, rows, empty):
    return charts.bar_chart(
        chart_id=chart_id,
        title=title,
        description=describe_largest(
            rows,
            lambda row: row["share"] or 0,
            lambda row: f"{row['label']}, {row['text']}",
            empty,
        ),
        rows=[charts.Row(row["label"], [row["share"] or 0], [row["text"]]) for row in rows],
        maximum=100,
    )


def excuses_chart(groups):
    return charts.bar_chart(
        chart_id="chart-excuses",
        title=_("Recurring excuses"),
        description=(
            _("The excuse that recurs most: “%(text)s”, %(count)s times.")
            % {"text": charts.shorten(groups[0]["text"], 80), "count": groups[0]["count"]}
            if groups
            else _("No excuse recurs.")
        ),
        rows=[charts.Row(group["text"], [group["count"]]) for group in groups],
    )


def principles_chart(rows):
    in_arguments, under_pressure = _("In arguments"), _("Under pressure by the decision")
    return charts.bar_chart(
        chart_id="chart-principles",
        title=_("Principles most at stake"),
        description=describe_largest(
            rows,
            lambda row: row["total"],
            lambda row: (
                _(
                    "%(principle)s, in %(arguments)s arguments and under pressure in "
                    "%(pressure)s decisions"
                )
                % {
                    "principle": row["principle"].name,
                    "arguments": row["arguments"],
                    "pressure": row["pressure"],
                }
            ),
            _("No principle was invoked in this period."),
        ),
        rows=[
            charts.Row(row["principle"].name, [row["arguments"], row["pressure"]]) for row in rows
        ],
        series=[charts.Series(in_arguments), charts.Series(under_pressure, hatched=True)],
    )


# --- everything together ---------------------------------------------------------------


@dataclass
class Numbers:
    period_start: date
    today: date
    sessions: list
    sessions_chart: str
    units: list
    units_chart: str
    months: list
    months_chart: str
    excuses: dict
    excuses_chart: str
    overdue: dict
    objections: dict
    principles: list
    principles_chart: str


def numbers(organisation_id, today=None):
    """Everything the dashboard shows but the signals, in a fixed number of queries:
    1 sessions per month, 2 control answers per unit and month, 3 excuses, 4-5 overdue
    measures (the list, and their number when the list is full), 6 objections per handling,
    7 objections set aside, 8 arguments per principle, 9 principle tests under pressure,
    10 the principles."""
    today = today or timezone.localdate()
    months = month_starts(today)
    since = timezone.make_aware(datetime.combine(months[0], time.min))
    sessions = sessions_per_month(organisation_id, months, today)
    by_unit, by_month = control_answer_shares(organisation_id, since)
    units = share_rows(
        sorted(
            ((unit_label(unit), counts) for unit, counts in by_unit.items()),
            key=lambda pair: (-(pair[1][0] / pair[1][1]) if pair[1][1] else 0, pair[0]),
        )
    )
    per_month = share_rows(
        (month_label(first), by_month.get((first.year, first.month), (0, 0))) for first in months
    )
    excuses = recurring_excuses(organisation_id, months[0])
    principles = principles_at_stake(organisation_id, months[0])
    return Numbers(
        period_start=months[0],
        today=today,
        sessions=sessions,
        sessions_chart=sessions_chart(sessions),
        units=units,
        units_chart=share_chart(
            "chart-units",
            _("Negative answers to the control question, by unit"),
            units,
            _("No control question was answered in this period."),
        ),
        months=per_month,
        months_chart=share_chart(
            "chart-months",
            _("Negative answers to the control question, per month"),
            per_month,
            _("No control question was answered in this period."),
        ),
        excuses=excuses,
        excuses_chart=excuses_chart(excuses["groups"]),
        overdue=overdue_measures(organisation_id, today),
        objections=objections_set_aside(organisation_id, since),
        principles=principles,
        principles_chart=principles_chart(principles),
    )


def signals_of(organisation_id):
    """The open signals (all) and the most recently closed ones."""
    signals = Signal.objects.filter(organisation_id=organisation_id)
    open_signals = list(signals.filter(status=Signal.Status.OPEN).order_by("raised_at", "id"))
    closed = list(
        signals.filter(status=Signal.Status.CLOSED)
        .select_related("closed_by")
        .order_by("-closed_at", "-id")[:CLOSED_SIGNALS_LISTED]
    )
    for signal in (*open_signals, *closed):
        signal.unit_label = unit_label(signal.unit)
    return open_signals, closed

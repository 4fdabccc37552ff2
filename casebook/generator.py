"""Realistic finalised records in bulk, for benchmarks and demonstrations.

``generate(count, organisation_name)`` creates ``count`` finalised sessions of one
organisation, each with a record version whose canonical JSON follows the record schema
(casebook/records.py), and compensation measures with a status today; then it rebuilds the
organisation's casebook index. Rows go in with ``bulk_create`` (no signals, no per-row
queries): 100 000 records take minutes.

The record JSON is the record; the generated sessions have no argument, stakeholder or
control-answer rows of their own (the step pages of a generated session are empty), which
is all the casebook needs.

Marker words for benchmarks (see bench/casebook_search.py): every record names its
template's subject (twelve templates: each about 8 % of records), one in four mentions
``geheimhouding`` and one in a hundred ``asbest``.
"""

import datetime
import random

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from deliberation.models import CompensationMeasure, Session
from principles.models import CoreValue, Membership, Organisation, Principle, RCriterion

from . import index
from .models import RecordVersion
from .records import SCHEMA, canonical, sha256

CORE_VALUES = ["Openheid", "Betrouwbaarheid", "Verbinding", "Moed", "Zorgvuldigheid"]
UNITS = [
    "Vergunningverlening",
    "Sociaal domein",
    "Toezicht en handhaving",
    "Financiën",
    "Communicatie",
    "Openbare ruimte",
    "Personeel en organisatie",
    "Inkoop",
]
FIRST = ["Fatima", "Mila", "Bas", "Noor", "Pieter", "Lotte", "Daan", "Sanne", "Youssef", "Eva"]
LAST = ["de Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Smit", "de Boer", "Mulder"]
PLACES = [
    "de Dijkweg",
    "het Stationsplein",
    "de Oosterpolder",
    "het centrum",
    "de haven",
    "wijk Noord",
    "het bedrijventerrein",
    "de Markt",
    "het zwembad",
    "de bibliotheek",
]

# (subject, title, problem, option X, option Y, third way)
TEMPLATES = [
    (
        "evenement",
        "Vergunning voor een evenement bij {place}",
        "Een organisator vraagt een vergunning voor een groot evenement bij {place}. De politie "
        "twijfelt over de veiligheid, omwonenden klagen over geluid.",
        "De vergunning verlenen met strenge voorwaarden",
        "De vergunning weigeren",
        "Een kleiner evenement toestaan op een andere datum",
    ),
    (
        "subsidie",
        "Subsidie voor een vereniging bij {place}",
        "Een vereniging vraagt subsidie, maar de voorzitter is familie van een wethouder. De "
        "regeling laat ruimte voor interpretatie.",
        "De subsidie toekennen volgens de regeling",
        "De subsidie afwijzen",
        "Een onafhankelijke commissie laten adviseren",
    ),
    (
        "handhaving",
        "Handhaven tegen een illegale aanbouw bij {place}",
        "Een bewoner heeft zonder vergunning aangebouwd. Handhaven betekent afbreken; de bewoner "
        "is ernstig ziek.",
        "Handhaven en laten afbreken",
        "Gedogen",
        "Een legalisatietraject met termijn",
    ),
    (
        "privacy",
        "Camera's bij {place}",
        "De afdeling wil camera's ophangen om overlast te bestrijden. Bezoekers en medewerkers "
        "vrezen voor hun privacy.",
        "Camera's ophangen",
        "Geen camera's ophangen",
        "Tijdelijk en met een evaluatie",
    ),
    (
        "aanbesteding",
        "Aanbesteding van het onderhoud bij {place}",
        "Een vaste leverancier is duurder dan een nieuwe partij, maar kent het werk. Een "
        "medewerker kent de directeur van de leverancier privé.",
        "De vaste leverancier gunnen",
        "De goedkopere nieuwe partij gunnen",
        "Opnieuw aanbesteden met heldere criteria",
    ),
    (
        "nevenfunctie",
        "Nevenfunctie van een medewerker bij {place}",
        "Een medewerker wil een betaalde nevenfunctie bij een bedrijf dat vergunningen aanvraagt "
        "bij de eigen afdeling.",
        "De nevenfunctie toestaan",
        "De nevenfunctie verbieden",
        "Toestaan als de medewerker die dossiers niet behandelt",
    ),
    (
        "klokkenluider",
        "Melding van een misstand bij {place}",
        "Een medewerker meldt dat een leidinggevende declaraties te ruim opvat. De melder wil "
        "anoniem blijven.",
        "Een extern onderzoek starten",
        "Het intern met de leidinggevende bespreken",
        "Eerst de feiten vertrouwelijk laten uitzoeken",
    ),
    (
        "schuldhulp",
        "Schuldhulp voor een inwoner van {place}",
        "Een inwoner met grote schulden valt net buiten de regeling. De consulent ziet dat het "
        "gezin anders uit huis wordt gezet.",
        "Uitzondering maken",
        "De regeling strikt toepassen",
        "Doorverwijzen naar een fonds en tijdelijk uitstel regelen",
    ),
    (
        "woningtoewijzing",
        "Toewijzing van een woning bij {place}",
        "Een urgente woningzoekende staat lager op de lijst dan de zoon van een raadslid.",
        "De lijst volgen",
        "De urgente woningzoekende voorrang geven",
        "De urgentieregeling herzien",
    ),
    (
        "openbaarheid",
        "Verzoek om openbaarheid over {place}",
        "Een journalist vraagt om documenten over een project bij {place}. Daarin staan namen "
        "van medewerkers en bedrijfsgegevens.",
        "Alles openbaar maken",
        "Het verzoek afwijzen",
        "Openbaar maken met weggelakte namen",
    ),
    (
        "geschenk",
        "Geschenk van een leverancier aan het team bij {place}",
        "Een leverancier biedt het team een dure dagtocht aan na de oplevering van een project.",
        "Het geschenk aannemen",
        "Het geschenk weigeren",
        "Aannemen en zelf betalen",
    ),
    (
        "social media",
        "Bericht van een medewerker op social media over {place}",
        "Een medewerker schreef kritisch over een besluit van het college. Collega's voelen zich "
        "aangevallen.",
        "Een officiële waarschuwing geven",
        "Niets doen: vrijheid van meningsuiting",
        "Een gesprek over loyaliteit en kritiek",
    ),
]
ARGUMENTS = {
    "B": [
        "Gelijke gevallen moeten gelijk worden behandeld.",
        "De burger heeft recht op een zorgvuldige belangenafweging.",
        "Openheid over wat we doen en waarom.",
        "Wie te goeder trouw handelde, verdient bescherming.",
        "Het recht op privacy van inwoners en medewerkers.",
    ],
    "G": [
        "Het kost de gemeente veel geld.",
        "Omwonenden krijgen last van geluid en drukte.",
        "Het vertrouwen van inwoners in het bestuur daalt.",
        "De veiligheid van bezoekers komt in gevaar.",
        "Medewerkers raken overbelast.",
    ],
    "S": [
        "Dat doen we altijd zo.",
        "Anders doet een ander het wel.",
        "Niemand merkt het.",
    ],
}


def organisation_for(name):
    organisation, _ = Organisation.objects.get_or_create(
        name=name, defaults={"kind": Organisation.Kind.MUNICIPALITY}
    )
    for position, value in enumerate(CORE_VALUES, start=1):
        CoreValue.objects.get_or_create(
            organisation=organisation, name=value, defaults={"position": position}
        )
    return organisation


def people_for(organisation):
    people = []
    for i, unit in enumerate(UNITS):
        username = f"casebook-{organisation.pk}-{i}"
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": FIRST[i % len(FIRST)], "last_name": LAST[i % len(LAST)]},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            Membership.objects.create(
                user=user,
                organisation=organisation,
                role="gespreksleider" if i == 0 else "deelnemer",
                unit=unit,
            )
        people.append((user, unit))
    return people


def record_data(rng, organisation, session, participants, principles, r_codes, at, measures):
    subject, title, problem, x, y, third = TEMPLATES[session.template]
    n_args = rng.randint(2, 8)
    arguments = []
    for i in range(n_args):
        category = rng.choices("BGS", weights=[5, 4, 1])[0]
        arguments.append(
            {
                "id": i + 1,
                "side": rng.choice("XY"),
                "position": i,
                "category": category,
                "text": rng.choice(ARGUMENTS[category]),
                "principles": sorted(rng.sample(principles, rng.randint(0, 2)))
                if category == "B"
                else [],
                "r_criteria": [],
                "core_values": sorted(rng.sample(CORE_VALUES, rng.randint(0, 2)))
                if category == "B"
                else [],
                "stakeholder": None,
                "decisive": category != "S" and rng.random() < 0.4,
            }
        )
    answers = len(participants)
    negative = rng.choices([0, 1, 2], weights=[7, 2, 1])[0]
    facilitator = participants[0][0]
    person = {"name": facilitator.get_full_name(), "username": facilitator.username}
    return {
        "schema": SCHEMA,
        "record": {
            "version": 1,
            "supersedes": None,
            "supersedes_sha256": None,
            "reason": "",
            "finalised_at": at.isoformat(),
            "finalised_by": person,
        },
        "organisation": {"name": organisation.name, "kind": organisation.kind},
        "session": {
            "id": session.pk,
            "title": session.title,
            "date": session.date.isoformat(),
            "mode": "collegiaal",
            "created_at": at.isoformat(),
            "decided_at": at.isoformat(),
            "facilitator": person,
            "participants": [
                {
                    "name": user.get_full_name(),
                    "username": user.username,
                    "role": "deelnemer",
                    "unit": unit,
                    "is_facilitator": user.pk == facilitator.pk,
                }
                for user, unit in participants
            ],
        },
        "dilemma": {
            "problem": session.problem_statement,
            "option_x": x,
            "option_y": y,
            "signals": ["twijfel"],
            "clear_legal_rule": "nee",
            "legal_rule_note": "",
        },
        "stakeholders": [],
        "owner": {
            "who_decides": "Het college",
            "group_owns_problem": "ja",
            "referred_to": "",
            "note": "",
        },
        "facts": {
            "rules": [],
            "facts": [],
            "information_needs": [],
            "open_information_needs": 0,
            "sufficient": "ja",
            "note": "",
        },
        "arguments": arguments,
        "decision": {
            "chosen_option": session.chosen_option,
            "third_way": session.third_way,
            "decisive_arguments": [a["id"] for a in arguments if a["decisive"]],
            "reasoning": session.reasoning,
            "g_over_b_justification": "",
            "r_judgements": [
                {
                    "code": code,
                    "assessment": rng.choice(["houdt_stand", "onder_spanning"]),
                    "note": "",
                }
                for code in r_codes
            ],
            "principle_tests": [],
        },
        "compensation": {
            "measures": [
                {
                    "id": None,
                    "stakeholder": None,
                    "action": m.action,
                    "owner": m.owner,
                    "due_date": m.due_date.isoformat() if m.due_date else None,
                    "status": "gepland",
                }
                for m in measures
            ],
            "note": "",
        },
        "control_question": {
            "participants": answers,
            "answers": answers,
            "situation": {"prettig": answers - negative, "pijnlijk": 0, "onprettig": negative},
            "stance": {"ja": answers, "twijfel": 0, "nee": 0},
            "negative": negative,
            "comments": [],
        },
        "objections": (
            [
                {
                    "step": 5,
                    "text": "Ik mis een argument.",
                    "raised_at": at.isoformat(),
                    "handling": "meegewogen",
                    "reason": "",
                    "handled_at": at.isoformat(),
                }
            ]
            if rng.random() < 0.3
            else []
        ),
        "precedents": [],
    }


def generate(
    count, organisation_name="Gemeente Voorbeeldstad", seed=4, batch_size=2000, stdout=None
):
    """Create ``count`` finalised records; returns the organisation."""
    rng = random.Random(seed)
    organisation = organisation_for(organisation_name)
    people = people_for(organisation)
    principles = list(Principle.objects.values_list("code", flat=True))
    r_codes = list(RCriterion.objects.values_list("code", flat=True))
    facilitator = people[0][0]
    today = timezone.localdate()
    through = Session.participants.through
    made = 0
    while made < count:
        size = min(batch_size, count - made)
        with transaction.atomic():
            sessions = []
            for _ in range(size):
                template = rng.randrange(len(TEMPLATES))
                subject, title, problem, x, y, third = TEMPLATES[template]
                place = rng.choice(PLACES)
                text = problem.format(place=place) + f" Het gaat om {subject}."
                if rng.random() < 0.25:
                    text += " Voor een deel van de stukken geldt geheimhouding."
                if rng.random() < 0.01:
                    text += " In het gebouw is asbest gevonden."
                chosen = rng.choices(["X", "Y", "derde"], weights=[5, 4, 1])[0]
                day = today - datetime.timedelta(days=rng.randint(1, 5 * 365))
                session = Session(
                    organisation=organisation,
                    title=title.format(place=place),
                    facilitator=facilitator,
                    created_by=facilitator,
                    date=day,
                    status=Session.Status.FINALISED,
                    problem_statement=text,
                    option_x=x,
                    option_y=y,
                    chosen_option=chosen,
                    third_way=third if chosen == "derde" else "",
                    reasoning="Na weging van de argumenten kozen we voor: "
                    + {"X": x, "Y": y, "derde": third}[chosen],
                    decided_at=timezone.make_aware(
                        datetime.datetime.combine(day, datetime.time(15, 0))
                    ),
                )
                session.template, session.place = template, place
                sessions.append(session)
            Session.objects.bulk_create(sessions, batch_size=500)
            links, measures, versions = [], [], []
            for session in sessions:
                at = session.decided_at + datetime.timedelta(hours=1)
                own = []
                for _ in range(rng.choices([0, 1, 2], weights=[4, 4, 2])[0]):
                    due = session.date + datetime.timedelta(days=rng.randint(14, 120))
                    own.append(
                        CompensationMeasure(
                            session=session,
                            action=rng.choice(
                                [
                                    "Uitleg geven aan omwonenden",
                                    "Een excuusbrief sturen",
                                    "Een evaluatie na drie maanden",
                                ]
                            ),
                            owner="Team " + rng.choice(UNITS),
                            due_date=due,
                            status=rng.choice(["gepland", "in_uitvoering", "gereed", "gereed"]),
                        )
                    )
                measures += own
                participants = rng.sample(people, 3)
                data = record_data(
                    rng, organisation, session, participants, principles, r_codes, at, own
                )
                text = canonical(data)
                versions.append(
                    RecordVersion(
                        session=session,
                        number=1,
                        finalised_by=facilitator,
                        finalised_at=at,
                        canonical_json=text,
                        sha256=sha256(text),
                    )
                )
                links += [(session.pk, user.pk) for user, _unit in participants]
            if not index.copy_tuples(through._meta.db_table, ["session_id", "user_id"], links):
                through.objects.bulk_create(
                    [through(session_id=s, user_id=u) for s, u in links], batch_size=2000
                )
            index.bulk_insert(CompensationMeasure, measures)
            index.bulk_insert(RecordVersion, versions)
        made += size
        if stdout is not None:
            stdout.write(f"{made} / {count} records")
    index.reindex(organisation.pk)
    return organisation

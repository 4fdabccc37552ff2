"""``manage.py load_demo``: demo organisations, people and dilemma sessions.

Safe to run again: organisations, core values, users and memberships are looked up by their
natural keys, and a session (by organisation and title) is only filled when this command creates
it, so edits made in the app survive. The texts live in ``deliberation/demo_data.py``.
"""

from collections import Counter
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation

from deliberation import demo_data
from deliberation.models import (
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
from principles.models import CoreValue, Membership, Organisation, Principle, RCriterion

# Session fields copied as they are from the demo data.
SESSION_FIELDS = (
    "status",
    "problem_statement",
    "option_x",
    "option_y",
    "signals",
    "clear_legal_rule",
    "legal_rule_note",
    "closed_reason",
    "owner_name",
    "group_owns_problem",
    "referred_to",
    "owner_note",
    "facts_sufficient",
    "facts_note",
    "chosen_option",
    "third_way",
    "reasoning",
    "g_over_b_justification",
)


class Command(BaseCommand):
    help = "Load demo organisations, users and dilemma sessions. Running it again adds nothing."

    def handle(self, *args, **options):
        # English output, and stable names for the counts of what was created.
        with translation.override("en"):
            self.load()

    def load(self):
        self.created = Counter()
        with transaction.atomic():
            for organisation in demo_data.ORGANISATIONS:
                self.load_organisation(organisation)
            self.load_operator()
        for session in demo_data.SESSIONS:
            with transaction.atomic():
                self.load_session(session)
        self.report()

    def make(self, model, **fields):
        """Create one validated object, and count it."""
        obj = model(**fields)
        obj.full_clean()
        obj.save()
        self.created[str(model._meta.verbose_name_plural)] += 1
        return obj

    def load_operator(self):
        """Whoever runs the installation uses the Django admin; that is not a role in an
        organisation, so the operator belongs to none (docs/permissions.md)."""
        user, created = get_user_model().objects.get_or_create(
            username=demo_data.OPERATOR,
            defaults={
                "first_name": "Platform",
                "last_name": "Beheer",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created:
            user.set_password(demo_data.PASSWORD)
            user.save(update_fields=["password"])
            self.created["users"] += 1

    def load_organisation(self, data):
        organisation, created = Organisation.objects.get_or_create(
            name=data["name"], defaults={"kind": data["kind"]}
        )
        self.created["organisations"] += created
        for position, (name, description) in enumerate(data["core_values"], 1):
            _, created = CoreValue.objects.get_or_create(
                organisation=organisation,
                name=name,
                defaults={"description": description, "position": position},
            )
            self.created["core values"] += created
        for prefix, role, first_name, last_name, unit in data["people"]:
            user, created = get_user_model().objects.get_or_create(
                username=f"{prefix}.{data['slug']}",
                defaults={
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{prefix}.{data['slug']}@example.org",
                },
            )
            if created:
                user.set_password(demo_data.PASSWORD)
                user.save(update_fields=["password"])
                self.created["users"] += 1
            Membership.objects.get_or_create(
                user=user, defaults={"organisation": organisation, "role": role, "unit": unit}
            )

    def load_session(self, data):
        organisation_data = next(
            o for o in demo_data.ORGANISATIONS if o["slug"] == data["organisation"]
        )
        organisation = Organisation.objects.get(name=organisation_data["name"])
        if Session.objects.filter(organisation=organisation, title=data["title"]).exists():
            return

        User = get_user_model()

        def person(prefix):
            return User.objects.get(username=f"{prefix}.{data['organisation']}")

        day = timezone.localdate() - timedelta(days=data["days_ago"])

        def at(hour):
            return timezone.make_aware(datetime.combine(day, time(hour)))

        facilitator = person(data["facilitator"])
        session = self.make(
            Session,
            organisation=organisation,
            title=data["title"],
            facilitator=facilitator,
            created_by=person(data["created_by"]),
            date=day,
            decided_at=at(16) if data["status"] == Session.Status.DECIDED else None,
            **{name: data[name] for name in SESSION_FIELDS if name in data},
        )
        prefixes = {data["facilitator"], data["created_by"], *data["participants"]}
        session.participants.set(person(prefix) for prefix in prefixes)

        # Steps 2 and 4: items in the order given.
        stakeholders = {}
        for position, fields in enumerate(data.get("stakeholders", []), 1):
            fields = dict(fields)
            key = fields.pop("key")
            stakeholders[key] = self.make(Stakeholder, session=session, position=position, **fields)
        for model, name in [
            (ApplicableRule, "rules"),
            (Fact, "facts"),
            (InformationNeed, "information_needs"),
        ]:
            for position, fields in enumerate(data.get(name, []), 1):
                self.make(model, session=session, position=position, **fields)

        # Step 5: arguments, numbered per side, with what they rest on.
        principles = {p.code: p for p in Principle.objects.all()}
        r_criteria = {r.code: r for r in RCriterion.objects.all()}
        core_values = {v.name: v for v in organisation.core_values.all()}
        positions = Counter()
        for fields in data.get("arguments", []):
            fields = dict(fields)
            codes = fields.pop("principles", [])
            r_codes = fields.pop("r_criteria", [])
            values = fields.pop("core_values", [])
            positions[fields["side"]] += 1
            argument = self.make(
                Argument,
                session=session,
                position=positions[fields["side"]],
                stakeholder=stakeholders.get(fields.pop("stakeholder", None)),
                **fields,
            )
            argument.principles.set(principles[code] for code in codes)
            argument.r_criteria.set(r_criteria[code] for code in r_codes)
            argument.core_values.set(core_values[name] for name in values if name in core_values)

        # Step 6: the decision tested against the three R's and the seven principles.
        for code, (assessment, note) in data.get("r_judgements", {}).items():
            self.make(
                RJudgement,
                session=session,
                criterion=r_criteria[code],
                assessment=assessment,
                note=note,
            )
        for code, (verdict, note) in data.get("principle_tests", {}).items():
            self.make(
                PrincipleTest,
                session=session,
                principle=principles[code],
                verdict=verdict,
                note=note,
            )

        # Step 7, the control question and the tegenspraak.
        for position, fields in enumerate(data.get("measures", []), 1):
            fields = dict(fields)
            self.make(
                CompensationMeasure,
                session=session,
                position=position,
                stakeholder=stakeholders[fields.pop("stakeholder")],
                due_date=day + timedelta(days=fields.pop("due_in_days")),
                **fields,
            )
        for prefix, (situation, stance, comment) in data.get("control_answers", {}).items():
            self.make(
                ControlAnswer,
                session=session,
                participant=person(prefix),
                situation=situation,
                stance=stance,
                comment=comment,
            )
        for fields in data.get("objections", []):
            fields = dict(fields)
            handled = fields["handling"] != Objection.Handling.OPEN
            self.make(
                Objection,
                session=session,
                author=person(fields.pop("author")),
                handled_by=facilitator if handled else None,
                handled_at=at(15) if handled else None,
                **fields,
            )

    def report(self):
        summary = ", ".join(f"{name}: {n}" for name, n in self.created.items() if n)
        if summary:
            self.stdout.write(self.style.SUCCESS(f"Created {summary}."))
        else:
            self.stdout.write("The demo data was already there; nothing was added.")

        rows = [("Username", "Organisation", "Role")]
        usernames = [
            f"{person[0]}.{organisation['slug']}"
            for organisation in demo_data.ORGANISATIONS
            for person in organisation["people"]
        ]
        memberships = Membership.objects.select_related("user", "organisation").filter(
            user__username__in=usernames
        )
        by_username = {m.user.username: m for m in memberships}
        for username in usernames:
            membership = by_username.get(username)
            if membership:
                rows.append((username, membership.organisation.name, membership.get_role_display()))
        rows.append((demo_data.OPERATOR, "(none: runs the installation, /admin/)", "—"))
        widths = [max(len(str(row[i])) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write("Demo logins:")
        for row in rows:
            self.stdout.write(
                "  " + "  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
            )
        self.stdout.write(f"Password for every demo user: {demo_data.PASSWORD}")

"""``manage.py load_demo``: demo organisations, people, dilemma sessions and a casebook.

Safe to run again: organisations, core values, users and memberships are looked up by their
natural keys, and a session (by organisation and title) is only filled when this command creates
it, so edits made in the app survive. The same holds for what hangs on a session: its
finalised record, its review, its links and its sharing are only made together with the
session. A reported dilemma is looked up by its organisation and text. The texts live in
``deliberation/demo_data.py``.

Records are finalised with ``casebook.records.finalise`` and shared with
``casebook.anonymise``, the functions the finalise and share pages use, and each of those
steps writes the audit event the page would write (with the demo person as actor).
"""

from collections import Counter
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone, translation

from casebook import anonymise, records
from casebook.models import CaseAnnotation, CaseLink, IntakeReport, Precedent, Theme
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
from principles import audit
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
    "compensation_note",
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
        created = {}
        for data in demo_data.SESSIONS:
            with transaction.atomic():
                session = self.load_session(data)
            if session is not None:
                created[(data["organisation"], data["title"])] = session
        with transaction.atomic():
            for review in demo_data.REVIEWS:
                self.load_review(review, created)
            for share in demo_data.SHARES:
                self.load_share(share, created)
            for report in demo_data.INTAKE_REPORTS:
                self.load_intake_report(report)
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

    @staticmethod
    def organisation(slug):
        data = next(o for o in demo_data.ORGANISATIONS if o["slug"] == slug)
        return Organisation.objects.get(name=data["name"])

    @staticmethod
    def person(prefix, slug):
        return get_user_model().objects.get(username=f"{prefix}.{slug}")

    def load_session(self, data):
        """Create and fill the session, unless it exists; return it when created."""
        organisation = self.organisation(data["organisation"])
        if Session.objects.filter(organisation=organisation, title=data["title"]).exists():
            return None

        def person(prefix):
            return self.person(prefix, data["organisation"])

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
            # Saving the answer may raise a signal (casebook.dashboard), as in the app.
            self.make(
                ControlAnswer,
                session=session,
                participant=person(prefix),
                situation=situation,
                stance=stance,
                comment=comment,
            )
        # The answers were given on the session's day. Dated at once, so that an answer of a
        # session long ago never counts towards a signal of today.
        ControlAnswer.objects.filter(session=session).update(answered_at=at(16))
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

        # Step 6: earlier decisions of the organisation the group follows or deviates from.
        for fields in data.get("precedents", []):
            fields = dict(fields)
            self.make(
                Precedent,
                session=session,
                earlier=Session.objects.get(organisation=organisation, title=fields.pop("earlier")),
                created_by=facilitator,
                **fields,
            )

        if data.get("finalise"):
            self.finalise(session, by=facilitator)
        return session

    def finalise(self, session, by):
        """What the finalise page does (casebook.views.finalise): check, freeze, audit."""
        missing = records.missing_steps(session)
        if missing or session.status != Session.Status.DECIDED:
            raise CommandError(f"Demo session {session.title!r} cannot be finalised: {missing}")
        version = records.finalise(session, by=by)
        audit.record("record.finalise", version, actor=by, detail={"version": version.number})
        self.created["finalised records"] += 1

    def load_review(self, data, created):
        """The integrity coordinator's annotation and links, for a case made just now."""
        session = created.get((data["organisation"], data["title"]))
        if session is None:
            return
        coordinator = self.person("integriteitscoordinator", data["organisation"])
        themes = [
            Theme.objects.get_or_create(organisation=session.organisation, name=name)[0]
            for name in data["themes"]
        ]
        review_in_days = data.get("review_in_days")
        annotation = self.make(
            CaseAnnotation,
            session=session,
            lessons=data["lessons"],
            leading=data["leading"],
            review_date=(
                timezone.localdate() + timedelta(days=review_in_days) if review_in_days else None
            ),
            updated_by=coordinator,
            version=1,
        )
        annotation.themes.set(themes)
        audit.record(
            "case.annotate",
            annotation,
            actor=coordinator,
            detail={
                "leading": annotation.leading,
                "themes": sorted(t.name for t in themes),
                "review_date": iso_or_none(annotation.review_date),
                "version": annotation.version,
            },
        )
        for kind, title, note in data.get("links", []):
            target = Session.objects.get(organisation=session.organisation, title=title)
            link = self.make(
                CaseLink,
                source=session,
                target=target,
                kind=kind,
                note=note,
                created_by=coordinator,
            )
            audit.record(
                "case.link", link, actor=coordinator, detail={"target": target.pk, "kind": kind}
            )

    def load_share(self, data, created):
        """Share a case made just now as the anonymised version the share page proposes:
        every name the record knows replaced by a role, checked for leftovers."""
        session = created.get((data["organisation"], data["title"]))
        if session is None:
            return
        coordinator = self.person("integriteitscoordinator", data["organisation"])
        version = anonymise.current_version(session)
        keep_name = data.get("keep_organisation_name", False)
        with translation.override("nl"):  # the roles that replace names, in the demo's language
            rows = anonymise.propose(
                version.data, consent_by=data["consent_by"], keep_organisation_name=keep_name
            )
        rows = whole_descriptions_only(rows)
        anonymised = anonymise.anonymise(version.data, rows, keep_organisation_name=keep_name)
        leftovers = anonymise.leftovers(anonymised, rows)
        if leftovers:
            raise CommandError(f"Demo case {session.title!r} still names {leftovers}")
        share = anonymise.share_case(
            session,
            by=coordinator,
            level=data["level"],
            consent_by=data["consent_by"],
            consent_on=timezone.localdate() - timedelta(days=data["consent_days_ago"]),
            replacements=rows,
            version=version,
            keep_organisation_name=keep_name,
        )
        audit.record(
            "case.share",
            session,
            actor=coordinator,
            detail={"level": share.level, "version": version.number, "revision": share.revision},
        )
        self.created["shared cases"] += 1

    def load_intake_report(self, data):
        """A reported dilemma; an anonymous one keeps no trace of its sender (the intake
        page's rule), not in the report and not in the audit trail."""
        organisation = self.organisation(data["organisation"])
        if IntakeReport.objects.filter(organisation=organisation, text=data["text"]).exists():
            return
        sender = None if data["anonymous"] else self.person(data["sender"], data["organisation"])
        report = self.make(
            IntakeReport,
            organisation=organisation,
            kind=data["kind"],
            text=data["text"],
            anonymous=data["anonymous"],
            sender=sender,
            received_on=timezone.localdate() - timedelta(days=data["days_ago"]),
        )
        audit.record(
            "intake.submit",
            report,
            actor=sender,
            organisation_id=organisation.pk,
            anonymous=data["anonymous"],
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
        self.stdout.write(
            "The casebook, its signals and reported dilemmas: log in as "
            "integriteitscoordinator.lindeveen and open /casebook/, /signalen/ and /meldingen/."
        )


def whole_descriptions_only(rows):
    """The edit a coordinator makes in the share preview: the single words the proposal
    split off descriptions that are not a person's name ("Teamleider", "Inwoners",
    "Zuiderland") are left alone; the whole descriptions are still replaced, and so is
    every name of a person (``anonymise.PERSON_SOURCES``)."""
    described = [r for r in rows if r["source"] not in anonymise.PERSON_SOURCES]

    def split_off(row):
        return any(other is not row and row["original"] in other["original"] for other in described)

    return [r for r in rows if r["source"] in anonymise.PERSON_SOURCES or not split_off(r)]


def iso_or_none(value):
    return value.isoformat() if value else None

"""A collegiaal moreel beraad: one dilemma taken through the seven steps."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import connections, models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from principles import permissions
from principles.models import (
    PRINCIPLE_COUNT,
    R_COUNT,
    CoreValue,
    Organisation,
    Principle,
    RCriterion,
    membership_of,
)

TEXT = settings.TEXT_MAX_LENGTH


def long_text(verbose_name, **kwargs):
    """A free-text field whose length limit the database and every form enforce."""
    return models.TextField(
        verbose_name,
        blank=True,
        max_length=TEXT,
        validators=[MaxLengthValidator(TEXT)],
        **kwargs,
    )


class Side(models.TextChoices):
    X = "X", _("For X")
    Y = "Y", _("For Y")


class Category(models.TextChoices):
    PRINCIPLE = "B", _("B – principle, right or core value")
    CONSEQUENCE = "G", _("G – consequence")
    EXCUSE = "S", _("S – excuse")


class Step(models.IntegerChoices):
    PROBLEM = 1, _("What is the problem?")
    STAKEHOLDERS = 2, _("Who are the stakeholders?")
    OWNER = 3, _("Who must decide and owns the problem?")
    FACTS = 4, _("What are the facts, which information is needed?")
    ARGUMENTS = 5, _("What are the arguments, what is the weighing?")
    DECISION = 6, _("What is the decision?")
    COMPENSATION = 7, _("Which compensation is possible for the negative consequences?")
    CONTROL = 8, _("Do you feel good about the decision?")


STEP_SHORT_NAMES = {
    1: _("Problem"),
    2: _("Stakeholders"),
    3: _("Problem owner"),
    4: _("Facts"),
    5: _("Arguments"),
    6: _("Decision"),
    7: _("Compensation"),
    8: _("Control question"),
}


class SessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Sessions of the user's organisation that the user's role may view
        (principles/permissions.py: every session, or those the user takes part in)."""
        membership = membership_of(user)
        if membership is None:
            return self.none()
        qs = self.filter(organisation_id=membership.organisation_id)
        granted = permissions.scope(user, permissions.Action.VIEW_SESSION)
        if granted == permissions.Scope.ALL:
            return qs
        if granted == permissions.Scope.NONE:
            return self.none()
        takes_part = Session.participants.through.objects.filter(session=OuterRef("pk"), user=user)
        return qs.filter(Exists(takes_part) | Q(facilitator=user) | Q(created_by=user))

    def with_participation_of(self, user):
        """Annotate whether ``user`` takes part, so permission checks need no extra query."""
        return self.annotate(
            user_takes_part=Exists(
                Session.participants.through.objects.filter(session=OuterRef("pk"), user=user)
            )
        )


class Session(models.Model):
    """A dilemma session (collegiaal moreel beraad)."""

    class Mode(models.TextChoices):
        COLLEGIAL = "collegiaal", _("Collegial (a group with a facilitator)")
        INDIVIDUAL = "individueel", _("Individual")

    class Status(models.TextChoices):
        DRAFT = "concept", _("Draft")
        IN_PROGRESS = "in_behandeling", _("In progress")
        DECIDED = "besloten", _("Decided")
        FINALISED = "vastgesteld", _("Finalised")
        CLOSED = "gesloten", _("Closed: not a dilemma")

    class Signal(models.TextChoices):
        DOUBT = "twijfel", _("Justified doubt")
        UNEASE = "onrustig_gevoel", _("An uneasy feeling")
        CRITICAL_QUESTIONS = "kritische_vragen", _("Critical questions")
        SOCIETAL = "maatschappelijke_signalen", _("Signals from society")
        MEDIA = "media", _("Questions from the media")

    class YesNo(models.TextChoices):
        YES = "ja", _("Yes")
        NO = "nee", _("No")

    class Sufficiency(models.TextChoices):
        YES = "ja", _("Yes, the facts are sufficiently known")
        PARTLY = "deels", _("Partly: we decide with information still missing")
        NO = "nee", _("No: we need more information first")

    class Option(models.TextChoices):
        X = "X", _("Option X")
        Y = "Y", _("Option Y")
        THIRD = "derde", _("A third way")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitated_sessions",
        verbose_name=_("facilitator"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="deliberation_sessions",
        verbose_name=_("participants"),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    mode = models.CharField(_("mode"), max_length=20, choices=Mode.choices, default=Mode.COLLEGIAL)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Step 1: the problem, framed as a choice between two actions.
    problem_statement = long_text(_("problem statement"))
    option_x = models.CharField(_("option X"), max_length=500, blank=True)
    option_y = models.CharField(_("option Y"), max_length=500, blank=True)
    signals = models.JSONField(_("signals"), default=list, blank=True)
    clear_legal_rule = models.CharField(
        _("clear legal rule"), max_length=3, choices=YesNo.choices, blank=True
    )
    legal_rule_note = long_text(_("which rule"))
    closed_reason = long_text(_("conclusion"))

    # Step 2: when no citizens are listed, the reason why.
    no_citizens_reason = long_text(_("why no citizens are stakeholders"))

    # Step 3: who decides.
    owner_name = models.CharField(_("who decides"), max_length=200, blank=True)
    group_owns_problem = models.CharField(
        _("the group owns the problem"), max_length=3, choices=YesNo.choices, blank=True
    )
    referred_to = models.CharField(_("to whom it goes"), max_length=200, blank=True)
    owner_note = long_text(_("note on ownership"))

    # Step 4: the judgement on the facts (the facts, rules and needs are items).
    facts_sufficient = models.CharField(
        _("are the facts sufficient"), max_length=5, choices=Sufficiency.choices, blank=True
    )
    facts_note = long_text(_("note on the facts"))

    # Step 6: the decision (R judgements and principle tests are items).
    chosen_option = models.CharField(
        _("chosen option"), max_length=5, choices=Option.choices, blank=True
    )
    third_way = long_text(_("the third way"))
    reasoning = long_text(_("reasoning"))
    g_over_b_justification = long_text(_("why a consequence weighs heavier than a principle"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    # Step 7: when no measure is possible or needed, the reason.
    compensation_note = long_text(_("note on compensation"))

    # Optimistic locking, one counter per step form: the second of two
    # concurrent saves of the same step is refused instead of overwriting.
    version_1 = models.PositiveIntegerField(default=0)
    version_2 = models.PositiveIntegerField(default=0)
    version_3 = models.PositiveIntegerField(default=0)
    version_4 = models.PositiveIntegerField(default=0)
    version_6 = models.PositiveIntegerField(default=0)
    version_7 = models.PositiveIntegerField(default=0)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    status__in=["concept", "in_behandeling", "besloten", "vastgesteld", "gesloten"]
                ),
                name="session_status_valid",
            ),
        ]

    def __str__(self):
        return self.title

    # --- who may do what -------------------------------------------------

    def can_view(self, user):
        return permissions.may(user, permissions.Action.VIEW_SESSION, self)

    def can_edit(self, user):
        if self.status in (self.Status.CLOSED, self.Status.FINALISED):
            return False
        return permissions.may(user, permissions.Action.EDIT_SESSION, self)

    def can_lead(self, user):
        return permissions.may(user, permissions.Action.MODERATE, self)

    def can_follow_up(self, user):
        """Who keeps the status of compensation measures current after finalising."""
        return permissions.may(user, permissions.Action.FOLLOW_UP, self)

    def can_finalise(self, user):
        """The gespreksleider finalises a decision; so does a manager of the organisation."""
        return permissions.may(user, permissions.Action.FINALISE, self)

    def can_amend(self, user):
        return permissions.may(user, permissions.Action.AMEND, self)

    def can_download(self, user):
        return permissions.may(user, permissions.Action.DOWNLOAD_PDF, self)

    def can_see_audit(self, user):
        return permissions.may(user, permissions.Action.SESSION_AUDIT, self)

    # --- progress ----------------------------------------------------------

    def progress_counts(self):
        """What tells which steps are complete: (attribute, table, extra condition, params)."""
        return [
            ("n_stakeholders", Stakeholder, "", []),
            ("n_citizens", Stakeholder, "AND kind = %s", [Stakeholder.Kind.CITIZENS]),
            ("n_facts", Fact, "", []),
            ("n_arguments_x", Argument, "AND side = %s", [Side.X]),
            ("n_arguments_y", Argument, "AND side = %s", [Side.Y]),
            ("n_decisive", Argument, "AND decisive = %s", [True]),
            ("n_r_judgements", RJudgement, "", []),
            ("n_principle_tests", PrincipleTest, "", []),
            ("n_measures", CompensationMeasure, "", []),
            ("n_control_answers", ControlAnswer, "", []),
            ("n_participants", Session.participants.through, "", []),
        ]

    def load_progress(self):
        """Count what the stepper needs in one small query.

        Raw SQL on purpose: the same counts as ORM annotations cost several
        milliseconds of query building on every step page.
        """
        counts = self.progress_counts()
        parts, params = [], []
        for _attribute, model, condition, extra in counts:
            parts.append(
                f"(SELECT COUNT(*) FROM {model._meta.db_table} WHERE session_id = %s {condition})"
            )
            params += [self.pk, *extra]
        with connections[self._state.db or "default"].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            row = cursor.fetchone()
        for (attribute, *_rest), value in zip(counts, row, strict=True):
            setattr(self, attribute, value)
        self.has_citizens = bool(self.n_citizens)
        return self

    def step_complete(self, number):
        """Whether a step is complete; needs ``load_progress()`` first."""
        if number == 1:
            return bool(
                self.problem_statement
                and self.option_x
                and self.option_y
                and self.clear_legal_rule == self.YesNo.NO
            )
        if number == 2:
            return bool(self.n_stakeholders) and (
                self.has_citizens or bool(self.no_citizens_reason)
            )
        if number == 3:
            return bool(
                self.owner_name
                and self.group_owns_problem
                and (self.group_owns_problem == self.YesNo.YES or self.referred_to)
            )
        if number == 4:
            return bool(self.facts_sufficient and self.n_facts)
        if number == 5:
            return bool(self.n_arguments_x and self.n_arguments_y)
        if number == 6:
            return self.decision_complete
        if number == 7:
            return bool(self.n_measures or self.compensation_note)
        if number == 8:
            return (
                bool(self.n_participants) and (self.n_control_answers or 0) >= self.n_participants
            )
        raise ValueError(number)

    @property
    def decision_complete(self):
        return bool(
            self.chosen_option
            and (self.chosen_option != self.Option.THIRD or self.third_way)
            and self.reasoning
            and self.n_decisive
            and self.n_r_judgements == R_COUNT
            and self.n_principle_tests == PRINCIPLE_COUNT
        )

    def steps(self):
        return [
            {
                "number": number,
                "name": STEP_SHORT_NAMES[number],
                "question": Step(number).label,
                "complete": self.step_complete(number),
            }
            for number in range(1, 9)
        ]

    @property
    def is_closed(self):
        return self.status == self.Status.CLOSED

    # --- state changes -----------------------------------------------------

    def bump_version(self, step, expected):
        """Claim the next version of a step form; False when someone saved it meanwhile."""
        field = f"version_{step}"
        claimed = Session.objects.filter(pk=self.pk, **{field: expected}).update(
            **{field: F(field) + 1, "updated_at": timezone.now()}
        )
        if claimed:
            setattr(self, field, expected + 1)
        return bool(claimed)

    def touch(self):
        """Mark that content changed: a draft session is now in progress."""
        if self.status == self.Status.DRAFT:
            self.status = self.Status.IN_PROGRESS
        Session.objects.filter(pk=self.pk).update(status=self.status, updated_at=timezone.now())

    def close_as_not_a_dilemma(self, conclusion):
        self.status = self.Status.CLOSED
        self.closed_reason = conclusion
        self.save(update_fields=["status", "closed_reason", "updated_at"])

    def reopen(self):
        self.status = self.Status.IN_PROGRESS
        self.save(update_fields=["status", "updated_at"])

    def record_decision_status(self):
        """Decided when step 6 is complete; back in progress when it no longer is."""
        fresh = Session.objects.get(pk=self.pk).load_progress()
        if fresh.decision_complete:
            self.status = self.Status.DECIDED
            self.decided_at = self.decided_at or timezone.now()
        else:
            self.status = self.Status.IN_PROGRESS
            self.decided_at = None
        Session.objects.filter(pk=self.pk).update(status=self.status, decided_at=self.decided_at)


class Item(models.Model):
    """An element of a step that people add, edit, reorder and delete one by one."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    # Who contributed it in meeting-room mode; empty for anonymous contributions and for
    # items written in the guided form (docs/meeting-room.md).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True
        ordering = ["position", "id"]

    @classmethod
    def next_position(cls, session, **filters):
        last = cls.objects.filter(session=session, **filters).aggregate(m=models.Max("position"))
        return (last["m"] or 0) + 1

    def save_if_unchanged(self, expected_version, fields):
        """Save the given fields only when nobody saved this item since ``expected_version``."""
        with transaction.atomic():
            claimed = (
                type(self)
                .objects.filter(pk=self.pk, version=expected_version)
                .update(version=F("version") + 1)
            )
            if not claimed:
                return False
            self.version = expected_version + 1
            self.save(update_fields=[*fields, "version"])
        return True


class Stakeholder(Item):
    class Kind(models.TextChoices):
        CITIZENS = "burgers", _("Citizens")
        EMPLOYEES = "medewerkers", _("Employees")
        ADMINISTRATION = "bestuur", _("Administration (bestuur)")
        ORGANISATION = "organisatie", _("Organisation")
        BUSINESS = "bedrijf", _("Business")
        OTHER = "anders", _("Other")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    rights = long_text(_("rights"))
    interests = long_text(_("interests"))
    expectations = long_text(_("expectations"))

    class Meta(Item.Meta):
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self):
        return self.name


class ApplicableRule(Item):
    """A law, rule or code that applies, with the moral question of reflectie 2."""

    class Verdict(models.TextChoices):
        YES = "ja", _("Yes, applying it here is morally right")
        DOUBT = "twijfel", _("In doubt")
        NO = "nee", _("No, applying it literally here is not right")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="rules")
    title = models.CharField(_("law, rule or code"), max_length=300)
    verdict = models.CharField(
        _("is applying it here morally right?"), max_length=8, choices=Verdict.choices
    )
    assessment = long_text(_("why"))

    class Meta(Item.Meta):
        verbose_name = _("applicable rule")
        verbose_name_plural = _("applicable rules")

    def __str__(self):
        return self.title


class Fact(Item):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="facts")
    text = long_text(_("fact"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta(Item.Meta):
        verbose_name = _("fact")
        verbose_name_plural = _("facts")

    def __str__(self):
        return self.text[:80]


class InformationNeed(Item):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ANSWERED = "beantwoord", _("Answered")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="information_needs")
    question = long_text(_("what do we still need to know"))
    assignee = models.CharField(_("who finds it out"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    answer = long_text(_("answer"))

    class Meta(Item.Meta):
        verbose_name = _("information need")
        verbose_name_plural = _("information needs")

    def __str__(self):
        return self.question[:80]


class Argument(Item):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="arguments")
    side = models.CharField(_("side"), max_length=1, choices=Side.choices)
    text = long_text(_("argument"))
    category = models.CharField(_("B, G or S"), max_length=1, choices=Category.choices)
    principles = models.ManyToManyField(Principle, blank=True, verbose_name=_("principles"))
    r_criteria = models.ManyToManyField(RCriterion, blank=True, verbose_name=_("R's"))
    core_values = models.ManyToManyField(CoreValue, blank=True, verbose_name=_("core values"))
    stakeholder = models.ForeignKey(
        Stakeholder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="arguments",
        verbose_name=_("stakeholder it concerns"),
    )
    decisive = models.BooleanField(_("decisive"), default=False)

    class Meta(Item.Meta):
        ordering = ["side", "position", "id"]
        verbose_name = _("argument")
        verbose_name_plural = _("arguments")
        constraints = [
            models.CheckConstraint(condition=Q(side__in=["X", "Y"]), name="argument_side_valid"),
            models.CheckConstraint(
                condition=Q(category__in=["B", "G", "S"]), name="argument_category_valid"
            ),
            # An excuse never carries a decision (step 6).
            models.CheckConstraint(
                condition=~Q(category="S", decisive=True), name="argument_excuse_never_decisive"
            ),
        ]

    def __str__(self):
        return f"{self.side}/{self.category}: {self.text[:60]}"


class RJudgement(models.Model):
    class Assessment(models.TextChoices):
        HOLDS = "houdt_stand", _("Holds")
        TENSION = "onder_spanning", _("Under tension")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="r_judgements")
    criterion = models.ForeignKey(RCriterion, on_delete=models.PROTECT)
    assessment = models.CharField(_("judgement"), max_length=20, choices=Assessment.choices)
    note = long_text(_("note"))

    class Meta:
        ordering = ["criterion__number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "criterion"], name="r_judgement_once")
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_assessment_display()}"


class PrincipleTest(models.Model):
    """The touchstone: the decision tested against one principle of the Code."""

    class Verdict(models.TextChoices):
        SERVES = "dient", _("Serves it")
        PRESSURE = "onder_druk", _("Puts it under pressure")
        NOT_AT_STAKE = "niet_aan_de_orde", _("Not at stake")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="principle_tests")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT)
    verdict = models.CharField(_("verdict"), max_length=20, choices=Verdict.choices)
    note = long_text(_("note"))

    class Meta:
        ordering = ["principle__number"]
        constraints = [
            models.UniqueConstraint(fields=["session", "principle"], name="principle_test_once")
        ]

    def __str__(self):
        return f"{self.principle}: {self.get_verdict_display()}"


class CompensationMeasure(Item):
    class Status(models.TextChoices):
        PLANNED = "gepland", _("Planned")
        IN_PROGRESS = "in_uitvoering", _("In progress")
        DONE = "gereed", _("Done")
        DROPPED = "vervallen", _("Dropped")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="measures")
    stakeholder = models.ForeignKey(
        Stakeholder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measures",
        verbose_name=_("for stakeholder"),
    )
    action = long_text(_("what is done"))
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PLANNED
    )

    class Meta(Item.Meta):
        verbose_name = _("compensation measure")
        verbose_name_plural = _("compensation measures")

    def __str__(self):
        return self.action[:80]


class ControlAnswer(models.Model):
    """One participant's answer to the control question, in its two senses."""

    class Situation(models.TextChoices):
        PLEASANT = "prettig", _("Pleasant")
        PAINFUL = "pijnlijk", _("Explainable, but painful")
        UNPLEASANT = "onprettig", _("Unpleasant")

    class Stance(models.TextChoices):
        YES = "ja", _("Yes, I stand behind the decision")
        DOUBT = "twijfel", _("I have doubts")
        NO = "nee", _("No, I do not stand behind it")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="control_answers")
    # Empty for an answer given anonymously in meeting-room mode (deliberation.room_models
    # .RoomAnswered keeps who answered, without a link to the answer).
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="+"
    )
    situation = models.CharField(
        _("how does the situation feel?"), max_length=10, choices=Situation.choices
    )
    stance = models.CharField(
        _("do you stand behind the decision?"), max_length=10, choices=Stance.choices
    )
    comment = long_text(_("comment"))
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["answered_at"]
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="control_answer_once")
        ]

    def __str__(self):
        return f"{self.get_situation_display()} / {self.get_stance_display()}"

    @property
    def is_negative(self):
        return self.situation == self.Situation.UNPLEASANT or self.stance == self.Stance.NO


class Objection(models.Model):
    """Tegenspraak (reflectie 4): an objection raised at a step, and what was done with it."""

    class Handling(models.TextChoices):
        OPEN = "open", _("Not yet handled")
        WEIGHED = "meegewogen", _("Weighed in the decision")
        SET_ASIDE = "terzijde", _("Set aside, with a reason")
        ESCALATED = "bestuur", _("Put before the administration (bestuur)")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="objections")
    step = models.PositiveSmallIntegerField(_("step"), choices=Step.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = long_text(_("objection"))
    raised_at = models.DateTimeField(auto_now_add=True)
    handling = models.CharField(
        _("what was done with it"), max_length=12, choices=Handling.choices, default=Handling.OPEN
    )
    handling_reason = long_text(_("reason"))
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["raised_at", "id"]
        verbose_name = _("objection (tegenspraak)")
        verbose_name_plural = _("objections (tegenspraak)")

    def __str__(self):
        return self.text[:80]

    def record_handling(self, handling, reason, by):
        self.handling = handling
        self.handling_reason = reason
        self.handled_by = by
        self.handled_at = timezone.now()
        self.save(update_fields=["handling", "handling_reason", "handled_by", "handled_at"])


class Draft(models.Model):
    """What someone typed in a step form but did not save yet, kept on the server."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    form_key = models.CharField(max_length=40)
    data = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "user", "form_key"], name="draft_once")
        ]

    def __str__(self):
        return self.form_key


# Meeting-room mode (issue 5) keeps its own tables in a module of its own.
from .room_models import (  # noqa: E402, F401
    Room,
    RoomAnswered,
    RoomInvitation,
    RoomPost,
    RoomSetAside,
)

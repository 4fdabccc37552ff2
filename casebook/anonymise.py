"""The anonymised version of a case, for sharing beyond the organisation.

A case leaves its organisation only as an anonymised copy of its current record version
(``RecordVersion.data``) that the integrity coordinator edited and approved. This module

- proposes a replacement for every person name it knows (:func:`propose`): the
  participants (full name, first and last name separately, username), the facilitator, who
  finalised, the problem owner, the stakeholders, the owners of compensation measures, who
  finds out an information need and who gave consent; each by a role ("de gespreksleider",
  "deelnemer 2", "belanghebbende A"), and the organisation's name by its kind;
- removes personal data by pattern (e-mail addresses, phone numbers, BSN-like numbers,
  postcodes with house numbers, street addresses, IBANs, IP addresses);
- builds the anonymised record (:func:`anonymise`): the record's structure, with usernames,
  the session id dropped, the previous version's hash emptied and every text field replaced —
  whole words, case-insensitive, longest first, in one pass so a replacement is never
  replaced again;
- saves the approved share (:func:`share_case`) and withdraws it (:func:`withdraw`).

The replacements (with the original names) stay in the own organisation's
``CaseShare.replacements``; other organisations only ever read ``CaseShare.anonymised``.
"""

import copy
import hashlib
import json
import re
import string

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deliberation.models import Stakeholder

from .models import CaseShare, RecordVersion

# Fields of the record that hold codes, dates or counts, not text a person typed.
CODE_KEYS = frozenset(
    {
        "schema",
        "finalised_at",
        "created_at",
        "decided_at",
        "date",
        "due_date",
        "raised_at",
        "handled_at",
        "mode",
        "kind",
        "side",
        "category",
        "status",
        "verdict",
        "assessment",
        "code",
        "chosen_option",
        "clear_legal_rule",
        "group_owns_problem",
        "sufficient",
        "handling",
        "role",
        "principles",
        "r_criteria",
        "signals",
    }
)
# Words that are part of Dutch names but are no name on their own.
PARTICLES = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "ter",
        "ten",
        "te",
        "op",
        "in",
        "'t",
        "d'",
        "la",
        "le",
        "du",
        "von",
        "zu",
        "mevrouw",
        "meneer",
        "dhr",
        "mw",
        "mr",
        "drs",
        "dr",
        "ir",
        "ing",
        "prof",
        "heer",
    ]
)
# Words that are part of a name but say nothing about who it is.
GENERIC_WORDS = frozenset(
    [
        "familie",
        "fam",
        "gezin",
        "gemeente",
        "provincie",
        "ministerie",
        "waterschap",
        "hoogheemraadschap",
        "stichting",
        "vereniging",
        "bedrijf",
        "wethouder",
        "burgemeester",
        "college",
        "raad",
        "afdeling",
        "team",
        "directie",
        "dienst",
        "bewoners",
        "inwoners",
        "medewerkers",
    ]
)
MIN_PART = 3

# Sources whose names must never remain in a shared version: the full names and usernames
# of the people who took part. A first or last name on its own ("<source>_part") only warns:
# it can be an ordinary word ("Wil", "Roos") the coordinator keeps on purpose.
PERSON_SOURCES = frozenset({"facilitator", "participant", "finalised_by", "username"})


def pattern_rules():
    """Personal data removed by pattern, in this order, with what replaces it."""
    return [
        (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), _("[e-mail address]")),
        (
            re.compile(r"\b[A-Z]{2}\d{2} ?(?:[A-Z0-9]{4} ?){2,7}[A-Z0-9]{1,4}\b", re.IGNORECASE),
            _("[bank account]"),
        ),
        (re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)"), _("[IP address]")),
        (
            re.compile(r"(?<![\w:])(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}(?![\w:])", re.IGNORECASE),
            _("[IP address]"),
        ),
        (
            re.compile(r"(?<![\w:])(?:[0-9a-f]{1,4}:)+:(?:[0-9a-f]{1,4}:?)*(?![\w:])", re.I),
            _("[IP address]"),
        ),
        (
            re.compile(
                r"(?<![\w+])(?:(?:\+|00)\d{2}[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){7,10}"
                r"|0\d(?:[\s-]?\d){8})(?!\d)"
            ),
            _("[phone number]"),
        ),
        (re.compile(r"(?<!\d)(?<!\d\.)\d{3}[. ]?\d{3}[. ]?\d{3}(?!\d|\.\d)"), _("[number]")),
        (
            re.compile(r"\b[1-9]\d{3} ?[A-Z]{2}\b(?:,? *\d{1,5} ?[a-zA-Z]?\b)?"),
            _("[postcode]"),
        ),
        (
            re.compile(
                r"\b[A-Z][a-z]+(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|park|pad|"
                r"steeg|dreef|markt|baan|dam)\s+\d{1,5}(?:\s?[a-zA-Z]\b)?"
            ),
            _("[address]"),
        ),
    ]


def remove_personal_data(text):
    for rule, replacement in pattern_rules():
        text = rule.sub(replacement, text)
    return text


# --- proposing replacements --------------------------------------------------------------


def organisation_phrase(kind):
    """The organisation as its kind: "een gemeente"."""
    return {
        "ministerie": _("a ministry"),
        "provincie": _("a province"),
        "gemeente": _("a municipality"),
        "waterschap": _("a water board"),
        "zbo": _("an independent administrative body"),
    }.get(kind, _("a government organisation"))


def name_parts(name):
    """The words of a name that identify someone on their own: "Jan de Vries" -> Jan, Vries."""
    return [
        word
        for word in re.split(r"[\s,;/()]+", name)
        if len(word) >= MIN_PART
        and word[0].isupper()
        and word.casefold() not in PARTICLES
        and word.casefold() not in GENERIC_WORDS
        and not any(c.isdigit() for c in word)
    ]


def looks_like_a_person(name):
    """Two to four capitalised words besides particles: probably a person's name."""
    words = [w for w in name.split() if w.casefold() not in PARTICLES]
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def stakeholder_letter(index):
    letters = string.ascii_uppercase
    return (
        letters[index]
        if index < len(letters)
        else f"{letters[index // 26 - 1]}{letters[index % 26]}"
    )


class Proposals:
    """Collects (original, replacement, source) rows; the first proposal for a name wins."""

    def __init__(self):
        self.rows = []
        self.seen = set()

    def add(self, original, replacement, source, parts=False):
        original = " ".join((original or "").split())
        if len(original) < 2:
            return
        key = original.casefold()
        if key not in self.seen:
            self.seen.add(key)
            self.rows.append({"original": original, "replacement": replacement, "source": source})
        if parts:
            for part in name_parts(original):
                self.add(part, replacement, f"{source}_part")


def propose(data, *, consent_by="", keep_organisation_name=False):
    """Replacements for every person name the record ``data`` knows, in a stable order."""
    proposals = Proposals()
    session = data.get("session", {})
    usernames = [p.get("username", "") for p in session.get("participants", [])]
    usernames += [
        (session.get("facilitator") or {}).get("username", ""),
        (data.get("record", {}).get("finalised_by") or {}).get("username", ""),
    ]
    accounts = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=[u for u in usernames if u])
    }

    def person(entry, label, source):
        name, username = entry.get("name", ""), entry.get("username", "")
        proposals.add(name, label, source, parts=True)
        account = accounts.get(username)
        if account is not None:
            proposals.add(account.get_full_name(), label, source, parts=True)
            for part in (account.first_name, account.last_name):
                proposals.add(part, label, f"{source}_part")
        proposals.add(username, label, "username")

    facilitator = session.get("facilitator") or {}
    person(facilitator, _("the facilitator"), "facilitator")
    number = 0
    for participant in session.get("participants", []):
        if participant.get("is_facilitator"):
            person(participant, _("the facilitator"), "facilitator")
            continue
        number += 1
        person(participant, _("participant %(number)s") % {"number": number}, "participant")
    person(data.get("record", {}).get("finalised_by") or {}, _("whoever finalised"), "finalised_by")

    owner = _("the problem owner")
    proposals.add(data.get("owner", {}).get("who_decides", ""), owner, "owner", parts=True)
    proposals.add(consent_by, owner, "consent", parts=True)

    for index, stakeholder in enumerate(data.get("stakeholders", [])):
        name = stakeholder.get("name", "")
        personal = stakeholder.get("kind") in (
            Stakeholder.Kind.CITIZENS,
            Stakeholder.Kind.EMPLOYEES,
            Stakeholder.Kind.OTHER,
        ) or looks_like_a_person(name)
        label = _("stakeholder %(letter)s") % {"letter": stakeholder_letter(index)}
        proposals.add(name, label, "stakeholder", parts=personal and looks_like_a_person(name))

    measures = data.get("compensation", {}).get("measures", [])
    for index, measure in enumerate(measures, start=1):
        label = _("owner of measure %(number)s") % {"number": index}
        proposals.add(measure.get("owner", ""), label, "measure_owner", parts=True)
    needs = data.get("facts", {}).get("information_needs", [])
    for index, need in enumerate(needs, start=1):
        label = _("whoever finds out question %(number)s") % {"number": index}
        proposals.add(need.get("assignee", ""), label, "assignee", parts=True)

    organisation = data.get("organisation", {})
    if not keep_organisation_name:
        proposals.add(
            organisation.get("name", ""),
            organisation_phrase(organisation.get("kind", "")),
            "organisation",
            parts=True,
        )
    return proposals.rows


# --- applying them -----------------------------------------------------------------------


def clean_rows(replacements):
    """Rows with an original, the first of equal originals (case-insensitive) kept."""
    rows, seen = [], set()
    for row in replacements:
        original = " ".join(str(row.get("original", "")).split())
        key = original.casefold()
        if len(original) < 2 or key in seen:
            continue
        seen.add(key)
        rows.append(
            {
                "original": original,
                "replacement": " ".join(str(row.get("replacement", "")).split()),
                "source": row.get("source", "own"),
            }
        )
    return rows


def replacer(replacements):
    """A function that replaces every original by its replacement: whole words,
    case-insensitive, longest first, in one pass."""
    rows = clean_rows(replacements)
    if not rows:
        return lambda text: text
    by_key = {row["original"].casefold(): row["replacement"] for row in rows}
    originals = sorted((row["original"] for row in rows), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, o.split())) for o in originals)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    def replacement(match):
        found = " ".join(match.group(0).split()).casefold()
        if found in by_key:
            return by_key[found]
        for original in originals:  # a case mapping casefold() and re differ on
            if re.fullmatch(r"\s+".join(map(re.escape, original.split())), match.group(0), re.I):
                return by_key[original.casefold()]
        return _("[name]")

    return lambda text: pattern.sub(replacement, text)


def anonymise(data, replacements, *, keep_organisation_name=False):
    """The anonymised record: ``data``'s structure, people by role, personal data removed."""
    replace = replacer(replacements)

    def text(value):
        return replace(remove_personal_data(value))

    def walk(value, key=None):
        if isinstance(value, dict):
            return {k: walk(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(item, key) for item in value]
        if isinstance(value, str) and key not in CODE_KEYS:
            return text(value)
        return value

    result = copy.deepcopy(data)
    meta = result.get("record", {})
    if "supersedes_sha256" in meta:
        meta["supersedes_sha256"] = None  # the hash of a record others never see
    if "finalised_by" in meta:
        meta["finalised_by"] = {"name": (meta["finalised_by"] or {}).get("name", "")}
    session = result.get("session", {})
    session.pop("id", None)
    if "facilitator" in session:
        session["facilitator"] = {"name": (session["facilitator"] or {}).get("name", "")}
    session["participants"] = [
        {key: value for key, value in p.items() if key != "username"}
        for p in session.get("participants", [])
    ]
    organisation = result.get("organisation", {})
    organisation_name = organisation.get("name", "")
    result = walk(result)
    result["organisation"]["name"] = (
        text(organisation_name)
        if keep_organisation_name
        else organisation_phrase(organisation.get("kind", ""))
    )
    return result


def strings_in(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif isinstance(value, str):
        yield value


def leftovers(anonymised, replacements, sources=PERSON_SOURCES):
    """Originals of these sources (None: all proposed ones) still in the anonymised version."""
    rows = [
        r
        for r in clean_rows(replacements)
        if (r["source"] in sources if sources is not None else r["source"] != "own")
    ]
    found = []
    texts = list(strings_in(anonymised))
    for row in rows:
        pattern = re.compile(
            r"(?<!\w)" + r"\s+".join(map(re.escape, row["original"].split())) + r"(?!\w)",
            re.IGNORECASE,
        )
        if any(pattern.search(t) for t in texts):
            found.append(row["original"])
    return found


def digest(anonymised):
    """A short fingerprint of an anonymised version: what the coordinator approved."""
    text = json.dumps(anonymised, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


# --- the current version and the share ---------------------------------------------------


def current_version(session):
    """The session's current record version (the one nothing supersedes), or None."""
    return (
        RecordVersion.objects.filter(session=session, superseded_by__isnull=True)
        .order_by("-number")
        .first()
    )


def merge(proposed, earlier):
    """The proposals, with the coordinator's earlier edits and own rows kept."""
    earlier_rows = {row["original"].casefold(): row for row in clean_rows(earlier)}
    rows = []
    for row in proposed:
        kept = earlier_rows.pop(row["original"].casefold(), None)
        rows.append({**row, "replacement": kept["replacement"]} if kept else row)
    rows += [row for row in earlier_rows.values() if row["source"] == "own"]
    return rows


def share_case(
    session,
    *,
    by,
    level,
    consent_by,
    consent_on,
    replacements,
    version=None,
    keep_organisation_name=False,
):
    """Share ``session`` beyond the organisation as the approved anonymised version.

    Builds the anonymised record from ``version`` (default: the current one), stores it with
    the replacements, consent and approval, and returns the share. The caller writes the
    audit event in the same transaction.
    """
    version = version or current_version(session)
    if version is None:
        raise ValueError("only a finalised case can be shared")
    rows = clean_rows(replacements)
    anonymised = anonymise(version.data, rows, keep_organisation_name=keep_organisation_name)
    with transaction.atomic():
        share, _created = CaseShare.objects.select_for_update().get_or_create(session=session)
        share.level = level
        share.version = version
        share.replacements = rows
        share.anonymised = anonymised
        share.consent_by = consent_by
        share.consent_on = consent_on
        share.approved_by = by
        share.approved_at = timezone.now()
        share.revision += 1
        share.save()
    return share


def withdraw(session):
    """Back to the own organisation only; the anonymised copy and consent are removed."""
    with transaction.atomic():
        share = CaseShare.objects.select_for_update().filter(session=session).first()
        if share is None:
            return None
        share.level = CaseShare.Level.ORGANISATION
        share.anonymised = {}
        share.replacements = []
        share.version = None
        share.consent_by = ""
        share.consent_on = None
        share.approved_by = None
        share.approved_at = None
        share.revision += 1
        share.save()
    return share

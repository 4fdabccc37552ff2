"""Single sign-on with OpenID Connect (mozilla-django-oidc), on when OIDC_ENABLED is true.

The browser goes through the authorization code flow with PKCE (S256), a state and a nonce.
The ID token must be signed RS256 by a key from the provider's JWKS and name this client as
its audience, the configured issuer, a time that has not passed and the nonce of this login.
The userinfo response must be about the same subject (``sub``).

Who someone is: the account's username is the claim ``OIDC_USERNAME_CLAIM``
(``preferred_username`` unless configured). Never the e-mail address: a provider may hand an
address on to someone else. A username can be handed on too, so the first login binds the
account to the provider's issuer and subject, and a later login by another subject with the
same username is refused. The binding is kept where a single sign-on account has nothing
else: its unusable password (Django's "!" prefix, which no password check ever accepts).
Accounts that log in with a password are never taken over.

What someone may do comes from the claims on every login: the role from ``OIDC_ROLES_CLAIM``
through ``OIDC_ROLE_MAP`` (the highest role wins), the organisation from
``OIDC_ORGANISATION_CLAIM`` or the fixed ``OIDC_ORGANISATION``, the unit from
``OIDC_UNIT_CLAIM``. Claims that give no role or no known organisation refuse the login, and
no account is created. See docs/authentication.md.
"""

import hashlib
import logging
from dataclasses import dataclass
from functools import wraps

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from principles.models import Membership, Organisation, Role

logger = logging.getLogger(__name__)

ALGORITHM = "RS256"
CALLBACK_URL_NAME = "oidc_authentication_callback"
# The unusable password of an account bound to one person at the provider.
SUBJECT_PREFIX = f"{UNUSABLE_PASSWORD_PREFIX}oidc$"
# Role lists the roles from the least to the most trusted.
ROLE_RANK = list(Role.values)

# What the person reads on the login page when single sign-on did not let them in.
FAILED = _(
    "Logging in through your organisation's login service did not work. Try again; "
    "ask your administrator if it keeps happening."
)
CANCELLED = _("Logging in was cancelled or refused by your organisation's login service.")
NO_USERNAME = _(
    "Your organisation's login service did not send a user name that Toetssteen can use. "
    "Ask your administrator."
)
NO_ROLE = _(
    "Your organisation's login service gives you no role in Toetssteen. "
    "Ask your administrator for access."
)
NO_ORGANISATION = _(
    "Your organisation's login service does not name an organisation that Toetssteen "
    "knows. Ask your administrator."
)
OTHER_ORGANISATION = _(
    "Your account in Toetssteen belongs to another organisation. Ask your administrator."
)
LOCAL_ACCOUNT = _(
    "An account with this user name logs in with a password. Log in with your password, "
    "or ask your administrator to switch the account to single sign-on."
)
OTHER_PERSON = _("This user name belongs to the account of someone else. Ask your administrator.")
DISABLED = _("Your account has been switched off. Ask your administrator.")


class Refused(Exception):
    """The provider vouched for the person, but Toetssteen does not let them in.

    ``message`` is for the person; the exception's text is for the log.
    """

    def __init__(self, message, reason):
        super().__init__(reason)
        self.message = message


def claim(claims, path):
    """The claim named ``path``, or found by following its dots (``realm_access.roles``)."""
    if path in claims:
        return claims[path]
    value = claims
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def claim_values(claims, path):
    """A claim that may be one string or a list of strings, as a list of strings."""
    value = claim(claims, path) if path else None
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def claim_text(claims, path, max_length):
    """A text claim cut to the field's length, or None when the claim is absent."""
    value = claim(claims, path) if path else None
    if isinstance(value, list) and value and isinstance(value[0], str):
        value = value[0]
    return value.strip()[:max_length] if isinstance(value, str) else None


def subject_password(issuer, subject):
    """The unusable password that binds an account to one subject of one issuer."""
    digest = hashlib.sha256(f"{issuer}\n{subject}".encode()).hexdigest()
    return f"{SUBJECT_PREFIX}{digest}"


def mapped_role(claims):
    """The highest Toetssteen role that the role claim's values map to, or None."""
    role_map = settings.OIDC_ROLE_MAP
    granted = {
        role_map[v] for v in claim_values(claims, settings.OIDC_ROLES_CLAIM) if v in role_map
    }
    return max(granted, key=ROLE_RANK.index) if granted else None


def claimed_organisation(claims):
    """The one known organisation the claims name (or the fixed one), or None."""
    if settings.OIDC_ORGANISATION_CLAIM:
        names = claim_values(claims, settings.OIDC_ORGANISATION_CLAIM)
    else:
        names = [settings.OIDC_ORGANISATION]
    found = list(Organisation.objects.filter(name__in=names)[:2]) if names else []
    return found[0] if len(found) == 1 else None


@dataclass
class Person:
    """What the claims say about someone; ``None`` for a profile field the claims leave out."""

    username: str
    password: str
    role: str
    organisation: Organisation
    first_name: str | None
    last_name: str | None
    email: str | None
    unit: str | None

    @classmethod
    def from_claims(cls, claims):
        User = get_user_model()
        username = claim(claims, settings.OIDC_USERNAME_CLAIM)
        max_username = User._meta.get_field("username").max_length
        if not isinstance(username, str) or not 0 < len(username.strip()) <= max_username:
            raise Refused(NO_USERNAME, f"claim {settings.OIDC_USERNAME_CLAIM!r} missing or long")
        username = username.strip()
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            raise Refused(NO_USERNAME, f"username {username!r} has forbidden characters") from None
        role = mapped_role(claims)
        if role is None:
            raise Refused(NO_ROLE, f"no role for {username!r}")
        organisation = claimed_organisation(claims)
        if organisation is None:
            raise Refused(NO_ORGANISATION, f"no known organisation for {username!r}")
        first_name = claim_text(claims, "given_name", 150)
        last_name = claim_text(claims, "family_name", 150)
        if first_name is None and last_name is None:
            first_name = claim_text(claims, "name", 150)
        email = claim_text(claims, "email", 254)
        if email is not None:
            try:
                validate_email(email)
            except ValidationError:
                email = None
        return cls(
            username=username,
            password=subject_password(claims["iss"], claims["sub"]),
            role=role,
            organisation=organisation,
            first_name=first_name,
            last_name=last_name,
            email=email,
            unit=claim_text(claims, settings.OIDC_UNIT_CLAIM, 120),
        )


class Backend(OIDCAuthenticationBackend):
    """Authenticates the callback of the code flow; see the module's docstring."""

    def authenticate(self, request, **credentials):
        # Django offers every login to every backend; this one only takes the callback's,
        # which carries the nonce and PKCE verifier of the login the browser started.
        if request is None or set(credentials) != {"nonce", "code_verifier"}:
            return None
        try:
            return super().authenticate(request, **credentials)
        except Refused as refusal:
            logger.warning("Single sign-on refused: %s", refusal)
            request.oidc_refusal = refusal.message
        except (SuspiciousOperation, requests.RequestException, jwt.PyJWTError) as error:
            logger.warning("Single sign-on failed: %s", error)
        return None

    def get_user(self, user_id):
        # Like the password backend: an account switched off loses its session at once.
        return ModelBackend.get_user(self, user_id)

    def _get(self, url, **kwargs):
        response = requests.get(
            url,
            verify=self.get_settings("OIDC_VERIFY_SSL", True),
            timeout=self.get_settings("OIDC_TIMEOUT"),
            proxies=self.get_settings("OIDC_PROXY", None),
            **kwargs,
        )
        response.raise_for_status()
        return response

    def signing_key(self, header):
        """The one RS256 signing key in the provider's JWKS that the token's kid names."""
        jwks = self._get(self.OIDC_OP_JWKS_ENDPOINT).json()
        keys = jwks.get("keys") if isinstance(jwks, dict) else None
        if not isinstance(keys, list):
            raise SuspiciousOperation("The JWKS endpoint returned no key set.")
        kid = header.get("kid")
        candidates = [
            key
            for key in keys
            if isinstance(key, dict)
            and key.get("kty") == "RSA"
            and key.get("use", "sig") == "sig"
            and key.get("alg", ALGORITHM) == ALGORITHM
            and (kid is None or key.get("kid") == kid)
        ]
        if len(candidates) != 1:
            raise SuspiciousOperation(f"No single RS256 key in the JWKS for kid {kid!r}.")
        return jwt.PyJWK(candidates[0], algorithm=ALGORITHM)

    def verify_token(self, token, **kwargs):
        """Check the ID token: RS256 signature by the provider's key, issuer, audience,
        expiry and the nonce of this login. Nothing else is accepted, whatever the
        settings say (mozilla-django-oidc could be told to accept unsigned tokens)."""
        if not isinstance(token, str) or not token:
            raise SuspiciousOperation("The token response holds no ID token.")
        header = jwt.get_unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise SuspiciousOperation(f"ID token signed with {header.get('alg')!r}, not RS256.")
        payload = jwt.decode(
            token,
            self.signing_key(header),
            algorithms=[ALGORITHM],
            audience=self.OIDC_RP_CLIENT_ID,
            issuer=settings.OIDC_OP_ISSUER,
            leeway=settings.OIDC_CLOCK_SKEW_SECONDS,
            options={"require": ["iss", "sub", "aud", "exp", "iat"]},
        )
        audiences = payload["aud"] if isinstance(payload["aud"], list) else [payload["aud"]]
        if len(audiences) > 1 and payload.get("azp") != self.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("ID token for several audiences without this azp.")
        nonce = kwargs.get("nonce")
        if not nonce or payload.get("nonce") != nonce:
            raise SuspiciousOperation("ID token nonce does not match this login.")
        if not isinstance(payload["sub"], str) or not payload["sub"]:
            raise SuspiciousOperation("ID token without a subject.")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The userinfo claims, only as JSON and only about the ID token's subject."""
        response = self._get(
            self.OIDC_OP_USER_ENDPOINT, headers={"Authorization": f"Bearer {access_token}"}
        )
        if not response.headers.get("content-type", "").lower().startswith("application/json"):
            raise SuspiciousOperation("Userinfo must be JSON; signed userinfo is not used.")
        userinfo = response.json()
        if not isinstance(userinfo, dict) or userinfo.get("sub") != payload["sub"]:
            raise SuspiciousOperation("Userinfo is about another subject than the ID token.")
        return userinfo

    def get_or_create_user(self, access_token, id_token, payload):
        userinfo = self.get_userinfo(access_token, id_token, payload)
        # The signed ID token wins; userinfo adds what it leaves out (Entra ID, for
        # example, puts names in userinfo and roles in the ID token).
        person = Person.from_claims({**userinfo, **payload})
        try:
            with transaction.atomic():
                return self.sign_in(person)
        except IntegrityError as error:
            # The same person logging in twice at once, creating the account twice.
            raise Refused(FAILED, f"account of {person.username!r} changed meanwhile") from error

    def sign_in(self, person):
        """The person's account, created or brought up to date from the claims."""
        User = get_user_model()
        user = User.objects.select_for_update().filter(username=person.username).first()
        if user is None:
            user = User(username=person.username, password=person.password)
            self.update_profile(user, person)
            user.save()
            Membership.objects.create(
                user=user,
                organisation=person.organisation,
                role=person.role,
                unit=person.unit or "",
            )
            return user
        if user.password.startswith(SUBJECT_PREFIX):
            if user.password != person.password:
                raise Refused(OTHER_PERSON, f"{person.username!r} is bound to another subject")
        elif user.has_usable_password():
            raise Refused(LOCAL_ACCOUNT, f"{person.username!r} logs in with a password")
        if not user.is_active:
            raise Refused(DISABLED, f"{person.username!r} is switched off")
        membership = Membership.objects.filter(user=user).first()
        if membership is not None and membership.organisation_id != person.organisation.pk:
            raise Refused(OTHER_ORGANISATION, f"{person.username!r} is in another organisation")
        # An account prepared for single sign-on (an unusable password without a binding)
        # is bound to whoever logs in with its username first.
        changed = self.update_profile(user, person)
        if user.password != person.password:
            user.password = person.password
            changed.append("password")
        if changed:
            user.save(update_fields=changed)
        if membership is None:
            Membership.objects.create(
                user=user,
                organisation=person.organisation,
                role=person.role,
                unit=person.unit or "",
            )
            return user
        changed = []
        if membership.role != person.role:
            membership.role = person.role
            changed.append("role")
        if person.unit is not None and membership.unit != person.unit:
            membership.unit = person.unit
            changed.append("unit")
        if changed:
            # A role change is written to the audit trail by the Membership signal.
            membership.save(update_fields=changed)
        return user

    @staticmethod
    def update_profile(user, person):
        """Copy the names and e-mail address the claims hold; the fields that changed."""
        changed = []
        for field in ("first_name", "last_name", "email"):
            value = getattr(person, field)
            if value is not None and getattr(user, field) != value:
                setattr(user, field, value)
                changed.append(field)
        return changed


def sso_only(view):
    """Answer 404 unless single sign-on is on; read at every request, so settings can
    change without new URL patterns."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


class CallbackView(OIDCAuthenticationCallbackView):
    """The provider sends the browser back here; a failure goes to the login page with a
    message that says what the person can do."""

    @property
    def failure_url(self):
        return resolve_url(settings.LOGIN_URL)

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation as error:
            # A state this browser never started: an old tab, or a link someone planted.
            logger.warning("Single sign-on callback refused: %s", error)
            return self.login_failure()

    def login_failure(self):
        if self.request.GET.get("error"):
            message = CANCELLED
        else:
            message = getattr(self.request, "oidc_refusal", None) or FAILED
        messages.error(self.request, message)
        return super().login_failure()


authenticate_view = sso_only(OIDCAuthenticationRequestView.as_view())
callback_view = sso_only(CallbackView.as_view())


def context(request):
    """Template context: whether the login page offers single sign-on."""
    return {"oidc_enabled": settings.OIDC_ENABLED}


def axes_exempt(request, credentials=None):
    """django-axes counts failed logins per username and address (AXES_WHITELIST_CALLABLE).

    A refused single sign-on has no username, so every refusal from one office address
    would count against all its people at once; and there is no password to guess here
    (the provider throttles its own). The callback is exempt; its refusals are audited.
    """
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == CALLBACK_URL_NAME

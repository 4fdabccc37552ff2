"""Single sign-on with OpenID Connect, against a real (tiny) OpenID provider.

The fake provider runs in a thread on 127.0.0.1 and serves the authorization, token,
userinfo and JWKS endpoints. It signs ID tokens RS256 with a key made for the test run and
checks PKCE (S256) at its token endpoint, like Keycloak and Entra ID do. The test plays the
browser: it follows Toetssteen's redirect to the provider, takes the code the provider sends
back and brings it to the callback with the same client session.
"""

import base64
import hashlib
import importlib.util
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
import pytest
import requests
from axes.models import AccessAttempt
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from config import oidc
from principles.models import AuditEvent, Membership, Role

CLIENT_ID = "toetssteen"
CLIENT_SECRET = "a-client-secret-of-at-least-thirty-two-bytes"
KID = "test-key-1"
REALM = "/realms/rijk"
ROLE_MAP = {
    "toetssteen-deelnemer": "deelnemer",
    "toetssteen-gespreksleider": "gespreksleider",
    "toetssteen-coordinator": "integriteitscoordinator",
    "toetssteen-beheer": "beheerder",
}


def s256(verifier):
    return (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )


class FakeProvider:
    """A minimal OpenID provider: enough of Keycloak to log someone in.

    ``person`` holds the claims of whoever logs in next: the ones in ``id_token`` go into
    the ID token, the ones in ``userinfo`` are served by the userinfo endpoint. ``defect``
    spoils the next ID token in one way, to see that Toetssteen refuses it.
    """

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.codes = {}
        self.tokens = {}
        self.token_errors = []
        self.token_requests = 0
        self.defect = None
        self.person = {}
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                provider.handle_get(self)

            def do_POST(self):
                provider.handle_post(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.issuer = f"http://127.0.0.1:{self.server.server_port}{REALM}"
        base = f"{self.issuer}/protocol/openid-connect"
        self.authorization_endpoint = f"{base}/auth"
        self.token_endpoint = f"{base}/token"
        self.userinfo_endpoint = f"{base}/userinfo"
        self.jwks_endpoint = f"{base}/certs"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def log_in_as(self, sub, id_token=None, userinfo=None):
        self.person = {"sub": sub, "id_token": id_token or {}, "userinfo": userinfo or {}}

    # --- HTTP ------------------------------------------------------------------------

    @staticmethod
    def answer(handler, status, body=None, headers=None, content_type="application/json"):
        data = json.dumps(body).encode() if body is not None else b""
        handler.send_response(status)
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        if body is not None:
            handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def handle_get(self, handler):
        url = urlsplit(handler.path)
        query = {name: values[0] for name, values in parse_qs(url.query).items()}
        path = url.path
        if path == urlsplit(self.authorization_endpoint).path:
            return self.authorize(handler, query)
        if path == urlsplit(self.userinfo_endpoint).path:
            return self.userinfo(handler)
        if path == urlsplit(self.jwks_endpoint).path:
            public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
            public.update(kid=KID, alg="RS256", use="sig")
            return self.answer(handler, 200, {"keys": [public]})
        return self.answer(handler, 404, {"error": "not_found"})

    def handle_post(self, handler):
        length = int(handler.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(handler.rfile.read(length).decode()).items()}
        if urlsplit(handler.path).path == urlsplit(self.token_endpoint).path:
            return self.token(handler, form)
        return self.answer(handler, 404, {"error": "not_found"})

    # --- Endpoints -------------------------------------------------------------------

    def authorize(self, handler, query):
        """The person has logged in at the provider: send the browser back with a code."""
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return self.answer(handler, 400, {"error": "invalid_request"})
        code = secrets.token_urlsafe(24)
        self.codes[code] = {
            "redirect_uri": query["redirect_uri"],
            "code_challenge": query.get("code_challenge"),
            "code_challenge_method": query.get("code_challenge_method"),
            "nonce": query.get("nonce"),
            "person": self.person,
        }
        back = f"{query['redirect_uri']}?{urlencode({'code': code, 'state': query['state']})}"
        return self.answer(handler, 302, headers={"Location": back})

    def token(self, handler, form):
        """Exchange a code for tokens, after checking the client and the PKCE verifier."""
        self.token_requests += 1
        grant = self.codes.pop(form.get("code"), None)

        def refuse(error, reason):
            self.token_errors.append(f"{error}: {reason}")
            return self.answer(handler, 400, {"error": error, "error_description": reason})

        if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
            return refuse("invalid_client", "client authentication failed")
        if grant is None or form.get("grant_type") != "authorization_code":
            return refuse("invalid_grant", "unknown or used code")
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return refuse("invalid_grant", "redirect_uri differs")
        verifier = form.get("code_verifier", "")
        if grant["code_challenge_method"] != "S256" or s256(verifier) != grant["code_challenge"]:
            return refuse("invalid_grant", "PKCE verification failed")
        access_token = secrets.token_urlsafe(24)
        self.tokens[access_token] = grant["person"]
        id_token = self.id_token(grant["person"], grant["nonce"])
        body = {"access_token": access_token, "token_type": "Bearer", "id_token": id_token}
        return self.answer(handler, 200, body)

    def id_token(self, person, nonce):
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "sub": person["sub"],
            "aud": CLIENT_ID,
            "azp": CLIENT_ID,
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            **person["id_token"],
        }
        key, algorithm, headers = self.key, "RS256", {"kid": KID}
        match self.defect:
            case "signed by another key":
                key = self.other_key
            case "signed HS256 with the client secret":
                key, algorithm = CLIENT_SECRET, "HS256"
            case "not signed":
                key, algorithm = None, "none"
            case "for another client":
                claims["aud"] = "another-client"
            case "from another issuer":
                claims["iss"] = "http://127.0.0.1:1/realms/elders"
            case "expired":
                claims.update(iat=now - 3600, exp=now - 1800)
            case "with another nonce":
                claims["nonce"] = "a-nonce-of-another-login"
            case "without a nonce":
                del claims["nonce"]
        return jwt.encode(claims, key, algorithm=algorithm, headers=headers)

    def userinfo(self, handler):
        scheme, _, token = handler.headers.get("Authorization", "").partition(" ")
        person = self.tokens.get(token) if scheme == "Bearer" else None
        if person is None:
            return self.answer(handler, 401, {"error": "invalid_token"})
        return self.answer(handler, 200, {"sub": person["sub"], **person["userinfo"]})


@pytest.fixture(scope="module")
def provider():
    provider = FakeProvider()
    yield provider
    provider.stop()


@pytest.fixture
def sso(settings, provider, monkeypatch, org_a):
    """Single sign-on on, against the fake provider, for organisation A (one fixed
    organisation, as an Entra ID tenant of one municipality would be set up)."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    provider.defect = None
    provider.token_errors.clear()
    settings.OIDC_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "config.oidc.Backend",
    ]
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_ISSUER = provider.issuer
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = provider.authorization_endpoint
    settings.OIDC_OP_TOKEN_ENDPOINT = provider.token_endpoint
    settings.OIDC_OP_USER_ENDPOINT = provider.userinfo_endpoint
    settings.OIDC_OP_JWKS_ENDPOINT = provider.jwks_endpoint
    settings.OIDC_ROLE_MAP = ROLE_MAP
    settings.OIDC_ROLES_CLAIM = "roles"
    settings.OIDC_ORGANISATION = org_a.name
    settings.OIDC_ORGANISATION_CLAIM = ""
    settings.OIDC_UNIT_CLAIM = "department"
    return provider


def person(username="jdevries", roles=("toetssteen-gespreksleider",), **userinfo):
    """Claims as Entra ID sends them: username and roles in the ID token, names in userinfo."""
    return {
        "id_token": {"preferred_username": username, "roles": list(roles)},
        "userinfo": {
            "given_name": "Janneke",
            "family_name": "de Vries",
            "email": f"{username}@aadorp.example",
            "department": "Vergunningen",
            **userinfo,
        },
    }


def start(client, next_url=None):
    """Click "Log in through your organisation": the redirect to the provider's login."""
    url = reverse("oidc_authentication_init")
    response = client.get(url + (f"?{urlencode({'next': next_url})}" if next_url else ""))
    assert response.status_code == 302
    return response["Location"]


def at_provider(authorization_url, **tamper):
    """The browser at the provider; the person logs in and is sent back with a code."""
    split = urlsplit(authorization_url)
    query = {name: values[0] for name, values in parse_qs(split.query).items()}
    query.update(tamper)
    answer = requests.get(
        f"{split.scheme}://{split.netloc}{split.path}?{urlencode(query)}",
        allow_redirects=False,
        timeout=5,
    )
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    return f"{back.path}?{back.query}"


def log_in(client, provider, sub="sub-0001", claims=None, next_url=None):
    provider.log_in_as(sub, **(claims or person()))
    return client.get(at_provider(start(client, next_url)))


def logged_in_user(client):
    return client.get(reverse("home")).wsgi_request.user


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_refused(client, response, message=oidc.FAILED):
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert message_texts(response) == [str(message)]
    assert not logged_in_user(client).is_authenticated


def test_it_sends_the_browser_to_the_provider_with_pkce_state_and_nonce(client, sso):
    location = start(client)

    split = urlsplit(location)
    assert f"{split.scheme}://{split.netloc}{split.path}" == sso.authorization_endpoint
    query = parse_qs(split.query)
    assert query["response_type"] == ["code"]
    assert query["client_id"] == [CLIENT_ID]
    assert query["scope"] == ["openid email profile"]
    assert query["redirect_uri"] == ["http://testserver/oidc/callback/"]
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["state"][0]) >= 32
    assert len(query["nonce"][0]) >= 32
    # The challenge is the S256 of the verifier kept in this browser's session, for this state.
    kept = client.session["oidc_states"][query["state"][0]]
    assert query["code_challenge"] == [s256(kept["code_verifier"])]
    assert query["nonce"] == [kept["nonce"]]


def test_a_new_person_is_logged_in_with_the_mapped_role_and_organisation(client, sso, org_a):
    response = log_in(client, sso, claims=person(roles=["toetssteen-gespreksleider"]))

    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    user = logged_in_user(client)
    assert user.is_authenticated
    assert user.username == "jdevries"
    assert (user.first_name, user.last_name) == ("Janneke", "de Vries")
    assert user.email == "jdevries@aadorp.example"
    assert not user.has_usable_password()
    assert not user.is_staff and not user.is_superuser
    membership = Membership.objects.get(user=user)
    assert membership.organisation == org_a
    assert membership.role == Role.FACILITATOR
    assert membership.unit == "Vergunningen"
    assert sso.token_errors == []
    assert AuditEvent.objects.filter(action="auth.login", actor_id=user.pk).count() == 1


def test_it_returns_to_the_page_the_person_asked_for(client, sso):
    response = log_in(client, sso, next_url=reverse("framework"))

    assert response.status_code == 302
    assert response["Location"] == reverse("framework")


def test_keycloak_realm_roles_and_organisation_claim_are_read(client, sso, settings, org_b):
    settings.OIDC_ROLES_CLAIM = "realm_access.roles"
    settings.OIDC_ORGANISATION = ""
    settings.OIDC_ORGANISATION_CLAIM = "organisation"
    claims = {
        "id_token": {"preferred_username": "pbakker", "organisation": org_b.name},
        "userinfo": {
            "realm_access": {"roles": ["offline_access", "toetssteen-coordinator"]},
            "name": "Pim Bakker",
        },
    }

    log_in(client, sso, claims=claims)

    user = logged_in_user(client)
    assert user.username == "pbakker"
    assert user.first_name == "Pim Bakker"
    assert (user.membership.organisation, user.membership.role) == (org_b, Role.COORDINATOR)


def test_the_highest_mapped_role_wins(client, sso):
    claims = person(roles=["toetssteen-deelnemer", "toetssteen-beheer", "unknown"])

    log_in(client, sso, claims=claims)

    assert logged_in_user(client).membership.role == Role.ADMINISTRATOR


def test_a_role_given_as_one_string_is_mapped(client, sso):
    claims = person()
    claims["id_token"]["roles"] = "toetssteen-coordinator"

    log_in(client, sso, claims=claims)

    assert logged_in_user(client).membership.role == Role.COORDINATOR


def test_the_next_login_updates_role_names_email_and_unit(client, sso):
    log_in(client, sso, claims=person(roles=["toetssteen-deelnemer"]))
    user = logged_in_user(client)
    client.logout()

    claims = person(roles=["toetssteen-coordinator"], family_name="Jansen", department="Juridisch")
    claims["userinfo"]["email"] = "j.jansen@aadorp.example"
    log_in(client, sso, claims=claims)

    assert logged_in_user(client) == user
    user.refresh_from_db()
    assert user.last_name == "Jansen"
    assert user.email == "j.jansen@aadorp.example"
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.unit) == (Role.COORDINATOR, "Juridisch")
    change = AuditEvent.objects.get(action="membership.role_change")
    assert change.detail == {"user": user.pk, "from": "deelnemer", "to": "integriteitscoordinator"}
    assert User.objects.filter(username="jdevries").count() == 1


@pytest.mark.parametrize(
    "defect",
    [
        "signed by another key",
        "signed HS256 with the client secret",
        "not signed",
        "for another client",
        "from another issuer",
        "expired",
        "with another nonce",
        "without a nonce",
    ],
)
def test_an_id_token_that_is_not_right_is_refused(client, sso, defect):
    sso.defect = defect

    response = log_in(client, sso)

    assert_refused(client, response)
    assert not User.objects.filter(username="jdevries").exists()
    assert sso.token_errors == []  # the token was issued; Toetssteen refused it


def test_a_code_whose_pkce_verifier_does_not_match_is_refused(client, sso):
    """A code issued for another code challenge (a code stolen from someone else's login
    and brought to this browser's callback) cannot be exchanged."""
    sso.log_in_as("sub-0001", **person())
    someone_elses_challenge = s256(secrets.token_urlsafe(48))

    callback = at_provider(start(client), code_challenge=someone_elses_challenge)
    response = client.get(callback)

    assert sso.token_errors == ["invalid_grant: PKCE verification failed"]
    assert_refused(client, response)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        (person(roles=["toetssteen-onbekend"]), oidc.NO_ROLE),
        (person(roles=[]), oidc.NO_ROLE),
        ({"id_token": {"roles": ["toetssteen-deelnemer"]}}, oidc.NO_USERNAME),
        (person(username="j de vries"), oidc.NO_USERNAME),
    ],
    ids=["unknown role", "no role", "no username", "username with a space"],
)
def test_claims_without_a_role_or_username_are_refused_and_create_no_account(
    client, sso, claims, message
):
    users = User.objects.count()

    response = log_in(client, sso, claims=claims)

    assert_refused(client, response, message)
    assert User.objects.count() == users


def test_an_unknown_organisation_is_refused_and_creates_no_account(client, sso, settings):
    settings.OIDC_ORGANISATION = ""
    settings.OIDC_ORGANISATION_CLAIM = "organisation"
    claims = person()
    claims["id_token"]["organisation"] = "Gemeente Nergensdorp"

    response = log_in(client, sso, claims=claims)

    assert_refused(client, response, oidc.NO_ORGANISATION)
    assert not User.objects.exists()


def test_a_fixed_organisation_that_does_not_exist_is_refused(client, sso, settings):
    settings.OIDC_ORGANISATION = "Waterschap Bestaatniet"

    response = log_in(client, sso)

    assert_refused(client, response, oidc.NO_ORGANISATION)
    assert not User.objects.exists()


def test_an_account_that_logs_in_with_a_password_is_not_taken_over(client, sso, facilitator):
    password = facilitator.password

    response = log_in(client, sso, claims=person(username="facilitator"))

    assert_refused(client, response, oidc.LOCAL_ACCOUNT)
    facilitator.refresh_from_db()
    assert facilitator.password == password


def test_a_username_handed_on_to_someone_else_is_refused(client, sso):
    log_in(client, sso, sub="sub-of-the-first-jdevries")
    client.logout()

    response = log_in(client, sso, sub="sub-of-a-new-jdevries")

    assert_refused(client, response, oidc.OTHER_PERSON)


def test_an_account_prepared_for_single_sign_on_is_bound_at_first_login(client, sso, org_a, member):
    member.set_unusable_password()
    member.save()

    log_in(client, sso, sub="sub-of-member", claims=person(username="member"))

    assert logged_in_user(client) == member
    member.refresh_from_db()
    assert member.password == oidc.subject_password(sso.issuer, "sub-of-member")
    assert member.membership.role == Role.FACILITATOR  # was deelnemer


def test_an_account_of_another_organisation_is_refused(client, sso, org_b):
    other = User.objects.create_user("jdevries")
    other.set_unusable_password()
    other.save()
    Membership.objects.create(user=other, organisation=org_b, role=Role.PARTICIPANT)

    response = log_in(client, sso)

    assert_refused(client, response, oidc.OTHER_ORGANISATION)
    assert Membership.objects.get(user=other).organisation == org_b


def test_a_switched_off_account_is_refused_and_loses_its_session(client, sso):
    log_in(client, sso)
    user = logged_in_user(client)
    user.is_active = False
    user.save()

    assert not logged_in_user(client).is_authenticated
    response = log_in(client, sso)
    assert_refused(client, response, oidc.DISABLED)


def test_userinfo_about_another_subject_is_refused(client, sso):
    claims = person()
    claims["userinfo"]["sub"] = "sub-of-someone-else"

    response = log_in(client, sso, claims=claims)

    assert_refused(client, response)
    assert not User.objects.exists()


def test_a_refusal_by_the_provider_returns_to_the_login_page(client, sso):
    state = parse_qs(urlsplit(start(client)).query)["state"][0]

    response = client.get(
        reverse("oidc_authentication_callback"), {"error": "access_denied", "state": state}
    )

    assert_refused(client, response, oidc.CANCELLED)
    assert state not in client.session["oidc_states"]


def test_a_callback_this_browser_did_not_start_returns_to_the_login_page(client, sso):
    start(client)
    token_requests = sso.token_requests

    response = client.get(reverse("oidc_authentication_callback"), {"code": "x", "state": "forged"})

    assert_refused(client, response)
    assert sso.token_requests == token_requests


def test_refused_logins_do_not_lock_out_the_office_address(client, sso, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        log_in(client, sso, claims=person(roles=["toetssteen-onbekend"]))

    response = log_in(client, sso)

    assert response.status_code == 302
    assert logged_in_user(client).is_authenticated
    assert not AccessAttempt.objects.exists()
    failed = AuditEvent.objects.filter(action="auth.login_failed")
    assert failed.count() == settings.AXES_FAILURE_LIMIT + 1


def test_a_password_login_never_reaches_the_provider(client, sso, member):
    """Django offers a failed password login to every backend, the single sign-on one
    too; a code and state in the login URL must not make it call the provider."""
    token_requests = sso.token_requests

    response = client.post(
        reverse("login") + "?code=stolen&state=forged",
        {"username": "member", "password": "a-wrong-password"},
    )

    assert response.status_code == 200
    assert not logged_in_user(client).is_authenticated
    assert sso.token_requests == token_requests
    assert (
        client.post(
            reverse("login"), {"username": "member", "password": "a-long-test-password-123"}
        ).status_code
        == 302
    )


def test_the_login_page_offers_single_sign_on_when_it_is_on(client, sso):
    response = client.get(reverse("login"), {"next": reverse("framework")})

    url = reverse("oidc_authentication_init") + "?next=" + reverse("framework")
    assert f'href="{url}"'.encode() in response.content


def test_when_off_the_sso_urls_answer_404_and_the_login_page_has_no_button(client, db, settings):
    settings.OIDC_ENABLED = False

    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    callback = client.get(reverse("oidc_authentication_callback"), {"code": "x", "state": "y"})
    assert callback.status_code == 404
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert reverse("oidc_authentication_init").encode() not in page.content


# --- Settings -------------------------------------------------------------------------

SETTINGS_FILE = Path(__file__).resolve().parent.parent / "config" / "settings.py"
COMPLETE = {
    "OIDC_ENABLED": "true",
    "OIDC_CLIENT_ID": CLIENT_ID,
    "OIDC_CLIENT_SECRET": CLIENT_SECRET,
    "OIDC_ISSUER": "https://login.example/realms/rijk",
    "OIDC_AUTHORIZATION_ENDPOINT": "https://login.example/realms/rijk/auth",
    "OIDC_TOKEN_ENDPOINT": "https://login.example/realms/rijk/token",
    "OIDC_USERINFO_ENDPOINT": "https://login.example/realms/rijk/userinfo",
    "OIDC_JWKS_ENDPOINT": "https://login.example/realms/rijk/certs",
    "OIDC_ROLE_MAP": "toetssteen-coordinator=integriteitscoordinator, a=b=manager",
    "OIDC_ORGANISATION": "Gemeente Aadorp",
}


def load_settings(monkeypatch, **env):
    """Run config/settings.py afresh with these environment variables."""
    for name in [*COMPLETE, "OIDC_ORGANISATION_CLAIM", "DEBUG"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location("settings_under_test", SETTINGS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_settings_switch_single_sign_on_on_after_the_password_backends(monkeypatch):
    loaded = load_settings(monkeypatch, **COMPLETE, DEBUG="false")

    assert loaded.AUTHENTICATION_BACKENDS == [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        "config.oidc.Backend",
    ]
    assert loaded.OIDC_ROLE_MAP == {
        "toetssteen-coordinator": "integriteitscoordinator",
        "a=b": "manager",
    }
    assert (loaded.OIDC_RP_SIGN_ALGO, loaded.OIDC_USE_PKCE, loaded.OIDC_USE_NONCE) == (
        "RS256",
        True,
        True,
    )
    assert loaded.OIDC_PKCE_CODE_CHALLENGE_METHOD == "S256"


def test_settings_leave_single_sign_on_off_by_default(monkeypatch):
    loaded = load_settings(monkeypatch)

    assert not loaded.OIDC_ENABLED
    assert "config.oidc.Backend" not in loaded.AUTHENTICATION_BACKENDS


@pytest.mark.parametrize(
    "change",
    [
        {"OIDC_JWKS_ENDPOINT": ""},
        {"OIDC_ROLE_MAP": ""},
        {"OIDC_ROLE_MAP": "toetssteen-baas=koning"},
        {"OIDC_ORGANISATION": ""},
        {"OIDC_ORGANISATION_CLAIM": "organisation"},
        {"OIDC_TOKEN_ENDPOINT": "http://login.example/token", "DEBUG": "false"},
    ],
    ids=["no JWKS", "no role map", "unknown role", "no organisation", "two organisations", "http"],
)
def test_settings_refuse_an_incomplete_configuration(monkeypatch, change):
    with pytest.raises(ImproperlyConfigured):
        load_settings(monkeypatch, **{**COMPLETE, **change})


def test_the_role_names_in_settings_are_the_roles_of_toetssteen(settings):
    assert list(settings.OIDC_ROLE_NAMES) == list(Role.values)

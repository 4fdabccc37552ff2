"""Browser tests drive Debian's Chromium through Playwright; nothing is downloaded.

Locally they skip with a clear message when no Chromium is found; in CI (CI=true)
a missing browser is a failure.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.utils import translation

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser" in item.nodeid.split("::")[0]:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        message = (
            f"No Chromium at {CHROMIUM}: install Debian's chromium (apt-get install chromium) "
            "to run the browser tests."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A Dutch civil servant's browser: the interface follows Accept-Language.
    return {**browser_context_args, "locale": "nl-NL", "viewport": {"width": 1280, "height": 800}}


@pytest.fixture(autouse=True)
def dutch():
    """Labels in the tests are looked up in the Dutch catalogue, as the browser shows them."""
    with translation.override("nl"):
        yield

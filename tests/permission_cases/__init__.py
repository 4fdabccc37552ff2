"""URL cases for tests/test_permissions.py, one module per feature.

Each module defines ``cases(world)`` returning tuples
``(url_name, method, url, data, action)`` or, for organisation pages that name no object
and that a member of another organisation uses for its own organisation,
``(url_name, method, url, data, action, True)``. ``world`` is the fixture of
tests/test_permissions.py; a module may create more objects for its URLs.
"""

import importlib
import pkgutil


def extra_cases(world):
    found = []
    for module in pkgutil.iter_modules(__path__):
        found += importlib.import_module(f"{__name__}.{module.name}").cases(world)
    return found


def extra_public(world):
    """Pages of a feature that need no login: ``public(world)`` -> [(url_name, url)]."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        if hasattr(loaded, "public"):
            found += loaded.public(world)
    return found

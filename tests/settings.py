"""Test settings: the product's, plus the test-only expediente app that proves the kernel (tests/tramites)."""

from civic.settings import *  # noqa: F403
from civic.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.tramites"]

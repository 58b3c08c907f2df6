import pytest

from civic import calendario


@pytest.fixture(autouse=True)
def calendario_limpio():
    # The calendar lives in the process, declared days in a rolled-back transaction: start and end clean.
    calendario.invalidar()
    yield
    calendario.invalidar()

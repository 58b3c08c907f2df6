"""Browser tests: Playwright drives the system Chromium against pytest-django's live server.

The browser is the distribution's /usr/bin/chromium; the suite never downloads one (`playwright install`).
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = Path("/usr/bin/chromium")

# Resolución 1519/2020 Anexo 1 makes WCAG 2.1 AA mandatory; axe's best-practice rules are advisory.
ETIQUETAS_WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """`make test` runs the browser tests alongside the rest of the suite: a test database of their own."""
    from django.conf import settings

    base = settings.DATABASES["default"]
    if base["ENGINE"] != "django.db.backends.sqlite3":  # SQLite's test database is in memory, per process
        prueba = base.setdefault("TEST", {})
        prueba["NAME"] = f"{prueba.get('NAME') or 'test_' + base['NAME']}_navegador"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        motivo = f"no hay Chromium en {CHROMIUM}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true exige el navegador ({motivo})")
        pytest.skip(motivo)
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe reads colours as they are at one instant: with Bootstrap's transitions a control still under the
    # pointer after a click can be caught half-way between two states. Reduced motion (which Bootstrap
    # honours) shows each state as it settles, which is what a person reads.
    return {**browser_context_args, "reduced_motion": "reduce"}


@pytest.fixture(scope="session")
def base_url(live_server):
    # Lets tests write page.goto("/ruta/"); the live server also serves static files.
    return live_server.url


def _describir(violacion: dict) -> str:
    nodos = "\n".join(f"    {n['target']}: {n.get('failureSummary', '')}" for n in violacion["nodes"])
    return f"- {violacion['id']} ({violacion['impact']}): {violacion['help']}\n{nodos}"


@pytest.fixture(scope="session")
def revisar_accesibilidad():
    """Returns a checker: `revisar_accesibilidad(page)` asserts zero WCAG 2.1 AA violations from axe-core."""
    axe = Axe()

    def revisar(page) -> None:
        resultado = axe.run(
            page,
            options={"runOnly": {"type": "tag", "values": ETIQUETAS_WCAG}, "resultTypes": ["violations"]},
        )
        violaciones = resultado.response["violations"]
        if violaciones:
            detalle = "\n".join(_describir(v) for v in violaciones)
            pytest.fail(f"axe encontró {len(violaciones)} violaciones en {page.url}:\n{detalle}")

    return revisar


@pytest.fixture
def sesion_de_personal(browser, browser_context_args):
    """Returns an opener: `sesion_de_personal(usuario, clave)` logs a staff member in at /admin/login/ in a
    browser context of their own (separate cookies from the citizen's `page`) and returns that page.

    The contexts are closed at teardown.
    """
    contextos = []

    def abrir(usuario, clave: str):
        contexto = browser.new_context(**browser_context_args)
        contextos.append(contexto)
        pagina = contexto.new_page()
        pagina.goto("/admin/login/?next=/admin/")
        pagina.get_by_label("Nombre de usuario").fill(usuario.get_username())
        pagina.get_by_label("Contraseña").fill(clave)
        pagina.locator("#login-form").get_by_role("button").click()
        pagina.wait_for_url("**/admin/")
        return pagina

    yield abrir
    for contexto in contextos:
        contexto.close()

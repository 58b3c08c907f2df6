"""No Docker engine runs here, so the production shape is checked as data against what the settings read."""

import re
from pathlib import Path

import pytest
import yaml

RAIZ = Path(__file__).resolve().parents[2]
APLICACION = ("web", "worker", "beat", "migrate")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((RAIZ / "docker-compose.yml").read_text(encoding="utf-8"))


def variables_que_leen_los_settings() -> set[str]:
    """Every variable the code reads from the environment: the settings, and each app's own policy."""
    leidas = set()
    for modulo in RAIZ.glob("*/**/*.py"):
        if modulo.parts[len(RAIZ.parts)] in {"civic", "pqrs", "organizaciones", "consejos", "rendicion"}:
            fuente = modulo.read_text(encoding="utf-8")
            leidas |= set(re.findall(r'[eE]nv(?:\(\))?(?:\.\w+)?\(\s*"([A-Z_]+)"', fuente))
    return leidas


def test_servicios_del_despliegue(compose):
    assert set(compose["services"]) == {"web", "worker", "beat", "migrate", "db", "redis", "mailpit"}
    assert compose["services"]["db"]["image"].startswith("postgres:16")
    assert compose["services"]["redis"]["image"].startswith("redis:")
    assert "media" in compose["volumes"] and "pgdata" in compose["volumes"]


def test_healthchecks_y_orden_de_arranque(compose):
    servicios = compose["services"]
    for nombre in ("db", "redis", "mailpit", "web", "worker"):
        assert servicios[nombre]["healthcheck"]["test"], nombre
    assert "/salud/" in " ".join(servicios["web"]["healthcheck"]["test"])
    for nombre in ("web", "worker", "beat"):
        depende = servicios[nombre]["depends_on"]
        assert depende["db"]["condition"] == "service_healthy"
        assert depende["redis"]["condition"] == "service_healthy"
        # Migrations run once, in their own container, before anything serves or works.
        assert depende["migrate"]["condition"] == "service_completed_successfully"
    assert servicios["migrate"]["command"][-2:] == ["migrate", "--no-input"]


def test_comandos_de_cada_proceso(compose):
    servicios = compose["services"]
    assert servicios["worker"]["command"][:4] == ["celery", "-A", "civic", "worker"]
    assert servicios["beat"]["command"][:4] == ["celery", "-A", "civic", "beat"]
    dockerfile = (RAIZ / "Dockerfile").read_text(encoding="utf-8")
    assert 'CMD ["gunicorn", "civic.wsgi:application"' in dockerfile
    # The timeout is chosen (long exports are jobs), the same in the image and in the compose file.
    assert '"--timeout", "60"' in dockerfile
    web = servicios["web"]["command"]
    assert web[:2] == ["gunicorn", "civic.wsgi:application"]
    assert web[web.index("--timeout") + 1] == "60"


def test_entorno_coincide_con_lo_que_leen_los_settings(compose):
    leidas = variables_que_leen_los_settings()
    for nombre in APLICACION:
        entorno = compose["services"][nombre]["environment"]
        desconocidas = set(entorno) - leidas
        assert not desconocidas, f"{nombre} define variables que nadie lee: {desconocidas}"
        assert entorno["DEBUG"] == "false"
        assert entorno["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in entorno["DATABASE_URL"]
        assert entorno["REDIS_URL"] == "redis://redis:6379/0"
        assert "mailpit:1025" in entorno["EMAIL_URL"]
        assert entorno["SECRET_KEY"].startswith("${SECRET_KEY:?"), "sin clave secreta no debe arrancar"
        assert compose["services"][nombre]["volumes"] == ["media:/app/media"]
        assert entorno["MEDIA_ROOT"] == "/app/media"


def test_env_example_documenta_solo_variables_reales():
    leidas = variables_que_leen_los_settings()
    documentadas = {
        linea.split("=", 1)[0]
        for linea in (RAIZ / ".env.example").read_text(encoding="utf-8").splitlines()
        if linea and not linea.startswith("#")
    }
    assert documentadas <= leidas, documentadas - leidas
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"} <= documentadas

"""Production mode refuses insecure configuration; the embedded default needs none."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
# Variables that would leak the test run's own configuration into the subprocess.
SIN_HEREDAR = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def cargar_settings(**entorno: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in SIN_HEREDAR}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=RAIZ,
        env={**base, "DJANGO_SETTINGS_MODULE": "civic.settings", **entorno},
        capture_output=True,
        text=True,
        timeout=60,
    )


def manage(*args: str, **entorno: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in SIN_HEREDAR}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=RAIZ,
        env={**base, **entorno},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_produccion_sin_secret_key_no_arranca():
    resultado = cargar_settings(DEBUG="false", ALLOWED_HOSTS="portal.example.gov.co")
    assert resultado.returncode != 0
    assert "SECRET_KEY es obligatoria" in resultado.stderr


def test_debug_ausente_es_produccion_y_exige_secret_key():
    # gunicorn and Celery import the settings without manage.py's development default.
    resultado = cargar_settings()
    assert resultado.returncode != 0
    assert "SECRET_KEY es obligatoria" in resultado.stderr


def test_produccion_sin_allowed_hosts_no_arranca():
    resultado = cargar_settings(DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50))
    assert resultado.returncode != 0
    assert "ALLOWED_HOSTS es obligatoria" in resultado.stderr


def test_produccion_configurada_arranca():
    resultado = cargar_settings(
        DEBUG="false", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="portal.example.gov.co"
    )
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.strip() == "False"


def test_modo_embebido_no_necesita_configuracion():
    resultado = cargar_settings(DEBUG="true")
    assert resultado.returncode == 0, resultado.stderr
    assert resultado.stdout.strip() == "True"


def test_check_deploy_limpio_en_produccion():
    resultado = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.gov.co",
    )
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    assert "no issues" in resultado.stdout


def test_settings_embebidos(settings):
    assert settings.LANGUAGE_CODE == "es-co"
    assert settings.TIME_ZONE == "America/Bogota"
    assert settings.USE_TZ is True

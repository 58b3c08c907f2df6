"""The contact address the portal shows and replies to by default is a real-looking one, as in .env.example:
a citizen who writes to it from the footer or a 429 page must not meet `@localhost`."""

import re
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]


def _ejemplo() -> str:
    return re.search(r"^MUNICIPIO_CORREO=(.+)$", (RAIZ / ".env.example").read_text(), re.M).group(1).strip()


def test_el_correo_de_contacto_por_defecto_no_es_localhost():
    ajustes = (RAIZ / "civic/settings.py").read_text()
    compose = (RAIZ / "docker-compose.yml").read_text()

    por_defecto = re.search(r'"MUNICIPIO_CORREO", default="([^"]+)"', ajustes).group(1)
    en_compose = re.search(r"\$\{MUNICIPIO_CORREO:-([^}]+)\}", compose).group(1)

    assert por_defecto == en_compose == _ejemplo()
    assert not por_defecto.endswith("@localhost")
    assert por_defecto.endswith(".gov.co")

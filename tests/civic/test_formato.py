"""One way to write dates, hours and numbers for people (es-CO), and never for machines."""

import gettext
import re
from datetime import date
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory

from civic import formato
from tests.civic.fabricas import en_bogota

CATALOGO = Path(settings.BASE_DIR) / "locale" / "es_CO" / "LC_MESSAGES"


def _render(plantilla: str, **contexto) -> str:
    return Template(plantilla).render(Context(contexto))


def test_fechas_horas_y_numeros_en_python():
    assert formato.fecha(date(2026, 11, 25)) == "25 de noviembre de 2026"
    assert formato.fecha_larga(date(2026, 4, 15)) == "miércoles 15 de abril de 2026"
    assert formato.fecha_hora(en_bogota(2026, 11, 25, 15, 5)) == "25 de noviembre de 2026, 3:05 p. m."
    assert formato.fecha_hora(en_bogota(2026, 1, 2, 0, 30)) == "2 de enero de 2026, 12:30 a. m."
    assert formato.numero(1234567) == "1.234.567"
    assert formato.tamano_legible(1_300_000) == "1,2 MB"
    assert formato.fecha(None) == formato.fecha_hora(None) == formato.fecha_larga(None) == ""


def test_plantillas_usan_los_formatos_del_portal():
    momento = en_bogota(2026, 5, 4, 14, 0)

    assert _render("{{ f|date }}", f=momento) == "4 de mayo de 2026"
    assert _render("{{ f }}", f=momento) == "4 de mayo de 2026, 2:00 p. m."
    assert _render("{{ f|time }}", f=momento) == "2:00 p. m."
    assert _render("{{ f|date:'SHORT_DATETIME_FORMAT' }}", f=momento) == "04/05/2026 2:00 p. m."
    assert _render("{% load formato %}{{ f|fecha_larga }}", f=momento) == "lunes 4 de mayo de 2026"
    # Event data stores dates as ISO text (JSON).
    assert _render("{% load formato %}{{ f|fecha }}", f="2026-12-24") == "24 de diciembre de 2026"
    assert _render("{{ n }}", n=1234) == "1.234"
    assert (
        _render(
            "{% load i18n %}{% blocktranslate count n=n %}{{ n }} día{% plural %}{{ n }} días"
            "{% endblocktranslate %}",
            n=1500,
        )
        == "1.500 días"
    )


def test_mayusculas_solo_al_empezar_la_oracion():
    # Django's own es_CO catalogue capitalises months and weekdays; the portal's (locale/es_CO) does not.
    nombres = _render(
        "{% for m in meses %}{{ m|date:'F l' }} {% endfor %}", meses=[date(2026, m, 1) for m in range(1, 13)]
    )

    assert nombres == nombres.lower()
    assert "septiembre" in nombres and "miércoles" in nombres


def test_el_catalogo_compilado_es_el_del_po():
    """The .mo is committed: it must say what the .po says (run compilemessages after editing it)."""
    po = (CATALOGO / "django.po").read_text()
    entradas = re.findall(r'(?:msgctxt "([^"]*)"\n)?msgid "([^"]+)"\nmsgstr "([^"]*)"', po)
    with (CATALOGO / "django.mo").open("rb") as archivo:
        mo = gettext.GNUTranslations(archivo)

    assert len(entradas) > 40
    for contexto, original, traduccion in entradas:
        obtenida = mo.pgettext(contexto, original) if contexto else mo.gettext(original)
        assert obtenida == traduccion, original


# --- Machine-read values keep no separators --------------------------------------------------


def test_anios_e_identificadores_no_llevan_separador():
    momento = en_bogota(2026, 11, 25)

    assert _render("{{ f|date:'Y' }}", f=momento) == "2026"
    assert _render("{% load l10n %}{{ n|unlocalize }}", n=2026) == "2026"
    assert (
        _render(
            "{% url 'pqrs:adjunto' 1234 %}",
        )
        == "/pqrs/consultar/solicitud/adjuntos/1234/"
    )


def test_campos_de_formulario_no_llevan_separador():
    class Formulario(forms.Form):
        cantidad = forms.IntegerField()
        anio = forms.IntegerField(widget=forms.HiddenInput)

    html = str(Formulario(initial={"cantidad": 1234, "anio": 2026}))
    assert 'value="1234"' in html and 'value="2026"' in html
    formulario = Formulario({"cantidad": "1234", "anio": "2026"})
    assert formulario.is_valid() and formulario.cleaned_data == {"cantidad": 1234, "anio": 2026}


@pytest.mark.django_db
def test_respuestas_publicadas_ids_y_paginas_sin_separador():
    filas = [
        {
            "pk": 1234 + i,
            "radicado": f"PQRS-2026-{1234 + i:06d}",
            "modalidad_nombre": "Petición",
            "fecha_radicacion_efectiva": date(2026, 11, 25),
            "decision": "respondida",
            "decidida_en": en_bogota(2026, 11, 30),
            "publicada_hasta": date(2026, 12, 7),
            "respuesta": "Respuesta",
        }
        for i in range(1002)
    ]
    pagina = Paginator(filas, 1).page(1001)

    html = render_to_string(
        "pqrs/respuestas_publicadas.html", {"pagina": pagina}, request=RequestFactory().get("/")
    )

    assert 'id="respuesta-2234"' in html and 'aria-labelledby="respuesta-2234"' in html
    assert 'href="?pagina=1000"' in html and 'href="?pagina=1002"' in html
    assert "Página 1.001 de 1.002" in html  # what people read does carry it
    assert "PQRS-2026-002234" in html
    assert "Radicada el 25 de noviembre de 2026 · respondida el 30 de noviembre de 2026" in html


def test_correo_del_resumen_cuenta_con_separador():
    datos = {"grupos": [{"nombre": "Vencidas", "total": 1234, "elementos": [], "ocultas": 1184}]}

    texto = render_to_string("civic/emails/_resumen_grupos.txt", {"datos": datos})

    assert "Vencidas (1.234)" in texto
    assert "… y 1.184 más." in texto

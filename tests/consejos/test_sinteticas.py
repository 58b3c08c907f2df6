"""The search benchmark's generator: held sessions with their published acta, numbered after what exists
(so `programar` and `realizar` continue after them), Spanish texts with accents; on PostgreSQL the
search vector is written and the accent-free search finds them."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from civic import busqueda
from civic.busqueda import buscar
from civic.expedientes.radicados import siguiente_consecutivo
from consejos.management.commands.generar_actas_sinteticas import RARA
from consejos.models import Acta, Sesion, VersionActa
from consejos.services.sesiones import _serie
from consejos.workflow import EstadoActa
from tests.apoyo import requiere_servicios
from tests.civic.fabricas import ComunaFactory

pytestmark = pytest.mark.django_db


def _generar(n: int, *extra: str) -> None:
    call_command("generar_actas_sinteticas", str(n), "--lote", "25", *extra, stdout=None)


def test_genera_sesiones_con_su_acta_publicada_y_numeradas_despues_de_lo_que_hay():
    ComunaFactory(numero=5)
    _generar(60, "--rara", "3")
    _generar(40, "--rara", "0", "--semilla", "7")

    assert Sesion.objects.filter(estado="realizada").count() == 100
    assert Acta.objects.filter(estado=EstadoActa.PUBLICADA).count() == 100
    vigentes = VersionActa.objects.vigentes()
    assert vigentes.count() == 100
    # One number per instancia and year, for sessions and for actas, across both runs.
    assert not Sesion.objects.values("instancia", "anio", "numero").annotate(n=Count("id")).filter(n__gt=1)
    assert (
        not Acta.objects.values("sesion__instancia", "anio", "numero").annotate(n=Count("id")).filter(n__gt=1)
    )
    # The kernel's counters continue after the generated numbers.
    ultima = Sesion.objects.order_by("-numero").first()
    assert siguiente_consecutivo(_serie("sesion", ultima.instancia_id), ultima.anio) == ultima.numero + 1

    textos = " ".join(vigentes.values_list("texto", flat=True))
    assert "sesión" in textos and "Asistencia" in textos
    assert len(set(textos.split())) > 300  # varied vocabulary
    assert vigentes.filter(texto__contains=RARA).count() == 3
    assert "Compromisos" in vigentes.first().html
    if not busqueda.en_postgres():
        assert not vigentes.filter(vector__isnull=False).exists()  # SQLite: no vector, icontains fallback


@pytest.mark.servicios
def test_en_postgresql_escribe_el_vector_y_la_busqueda_sin_tildes_encuentra():
    requiere_servicios(postgres=True)
    ComunaFactory(numero=5)
    _generar(50, "--rara", "2")
    vigentes = VersionActa.objects.vigentes()
    assert not vigentes.filter(vector__isnull=True).exists()

    def hallar(texto):
        return buscar(
            vigentes, texto, vector_campo="vector", texto_campo="texto", campos_respaldo=("titulo", "texto")
        )

    assert hallar("sesion").count() == 50  # "sesión" in every acta, found without the accent
    assert hallar(RARA).count() == 2
    assert "<mark>" in busqueda.resaltar(hallar(RARA).first().fragmento)

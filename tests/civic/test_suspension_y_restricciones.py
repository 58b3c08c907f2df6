"""Kernel pieces the organizations' procedures brought in: a term that pauses and resumes, the next
business day, a refused unique index turned into its Spanish message on either database, and PDFs."""

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from civic import calendario
from civic.expedientes.servicios import error_de_restriccion
from civic.models import DiaNoHabil
from civic.pdf import pdf_de_plantilla
from civic.plazos import suspension
from organizaciones.models import Organizacion
from tests.organizaciones.fabricas import OrganizacionFactory

pytestmark = pytest.mark.django_db


def test_un_termino_suspendido_guarda_los_dias_que_le_quedaban_y_los_cuenta_desde_la_correccion():
    # Due Friday 21 Aug 2026, paused on Monday 10 Aug: the days left are those after the 10th up to the
    # 21st (17 Aug is a holiday), counted again from the day after the correction arrives.
    vence = date(2026, 8, 21)
    campos = suspension.suspender(vence, date(2026, 8, 10))
    assert campos["fecha_vencimiento"] is None
    assert campos["suspendido_en"] == date(2026, 8, 10)
    assert campos["dias_suspendidos"] == calendario.dias_habiles_entre(date(2026, 8, 10), vence)
    reanudado = suspension.reanudar(campos["dias_suspendidos"], date(2026, 9, 1))
    assert reanudado == {
        "fecha_vencimiento": calendario.sumar_dias_habiles(date(2026, 9, 1), campos["dias_suspendidos"]),
        "suspendido_en": None,
        "dias_suspendidos": None,
    }


def test_una_correccion_en_dia_no_habil_se_recibe_el_dia_habil_siguiente():
    # Saturday 5 Sep 2026 → received Monday 7 Sep; 3 days left → Thursday 10 Sep.
    assert suspension.reanudar(3, date(2026, 9, 5))["fecha_vencimiento"] == date(2026, 9, 10)


def test_un_termino_ya_vencido_no_guarda_dias_negativos():
    assert suspension.suspender(date(2026, 8, 3), date(2026, 8, 10))["dias_suspendidos"] == 0
    assert suspension.reanudar(0, date(2026, 8, 11))["fecha_vencimiento"] == date(2026, 8, 11)


def test_habil_o_siguiente_respeta_los_dias_no_habiles_declarados():
    DiaNoHabil.objects.create(fecha=date(2026, 9, 7), motivo="Cierre por inventario")
    calendario.invalidar()
    assert calendario.habil_o_siguiente(date(2026, 9, 4)) == date(2026, 9, 4)
    assert calendario.habil_o_siguiente(date(2026, 9, 5)) == date(2026, 9, 8)


def test_un_indice_unico_rechazado_vuelve_como_su_mensaje_en_espanol():
    OrganizacionFactory(nit="900373913-4")
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        OrganizacionFactory(nit="900373913-4")
    traducido = error_de_restriccion(error.value, Organizacion)
    assert traducido is not None
    assert traducido.messages == ["Ya hay una organización registrada con ese NIT."]


def test_un_pdf_sale_de_una_plantilla_con_el_membrete():
    contenido = pdf_de_plantilla("civic/pdf/base.html", {})
    assert contenido.startswith(b"%PDF")

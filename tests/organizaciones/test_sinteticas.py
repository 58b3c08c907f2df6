"""The benchmark's data generator writes what it says, with radicados that filing then continues."""

import pytest
from django.core.management import call_command

from civic.expedientes import radicados
from organizaciones.declaraciones import EXPEDIENTES
from organizaciones.models import ClaseTramite, Dignatario, Organizacion, Tramite
from tests.civic.fabricas import ComunaFactory

pytestmark = pytest.mark.django_db


def test_genera_organizaciones_dignatarios_y_tramites_numerados():
    ComunaFactory(numero=1)
    call_command("generar_organizaciones_sinteticas", "40", "--dignatarios", "150", stdout=None)
    assert Organizacion.objects.count() == 40
    assert Dignatario.objects.filter(vigente=True).count() == 150
    serie = EXPEDIENTES[ClaseTramite.INSCRIPCION_DIGNATARIOS].serie
    ultimo = Tramite.objects.filter(serie=serie).order_by("-consecutivo").first()
    assert ultimo is not None
    assert radicados.siguiente_consecutivo(serie, ultimo.anio) == ultimo.consecutivo + 1

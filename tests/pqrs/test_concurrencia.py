"""Concurrent filings on PostgreSQL get distinct radicados with no gap (the yearly counter's row lock)."""

import threading
import uuid

import pytest
from django.db import connection

from civic.models import Consecutivo
from pqrs.models import Solicitud
from tests.apoyo import requiere_servicios
from tests.pqrs.factories import SolicitudFactory, en_bogota

FILINGS = 50


@pytest.mark.servicios
@pytest.mark.django_db(transaction=True)
def test_50_radicaciones_concurrentes_sin_huecos_ni_duplicados():
    requiere_servicios(postgres=True)
    # No counter row for the year yet: the first filings race to create it too.
    assert not Consecutivo.objects.filter(serie="pqrs", anio=2026).exists()
    barrera = threading.Barrier(FILINGS)
    radicados: list[str] = []
    errores: list[BaseException] = []
    cerrojo = threading.Lock()

    def radicar(n: int) -> None:
        try:
            barrera.wait(timeout=30)
            solicitud = SolicitudFactory(
                correo="", direccion=f"Calle {n} # 1-2", ahora=en_bogota(2026, 3, 20)
            )
            with cerrojo:
                radicados.append(solicitud.radicado)
        except BaseException as error:  # reported below, in the test's thread
            with cerrojo:
                errores.append(error)
        finally:
            connection.close()

    hilos = [threading.Thread(target=radicar, args=(n,)) for n in range(FILINGS)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=120)

    assert errores == []
    esperados = [f"PQRS-2026-{n:06d}" for n in range(1, FILINGS + 1)]
    assert sorted(radicados) == esperados
    assert sorted(Solicitud.objects.values_list("consecutivo", flat=True)) == list(range(1, FILINGS + 1))
    assert Consecutivo.objects.get(serie="pqrs", anio=2026).ultimo == FILINGS


@pytest.mark.servicios
@pytest.mark.django_db(transaction=True)
def test_dos_envios_concurrentes_del_mismo_formulario_dan_un_radicado_sin_hueco():
    """A double click: two requests with one form's token race; one filing, and the next one is number 2."""
    requiere_servicios(postgres=True)
    token = uuid.uuid4()
    barrera = threading.Barrier(2)
    resultados: list[tuple[int, str | None]] = []
    errores: list[BaseException] = []
    cerrojo = threading.Lock()

    def radicar() -> None:
        try:
            barrera.wait(timeout=30)
            solicitud = SolicitudFactory(
                correo="", direccion="Calle 5 # 1-2", token_radicacion=token, ahora=en_bogota(2026, 3, 20)
            )
            with cerrojo:
                resultados.append((solicitud.pk, solicitud.codigo_claro))
        except BaseException as error:  # reported below, in the test's thread
            with cerrojo:
                errores.append(error)
        finally:
            connection.close()

    hilos = [threading.Thread(target=radicar) for _ in range(2)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=60)

    assert errores == []
    assert len({pk for pk, _codigo in resultados}) == 1  # both land on the same filing
    assert sorted(codigo is None for _pk, codigo in resultados) == [False, True]  # the code, to one
    assert Solicitud.objects.get().radicado == "PQRS-2026-000001"
    # The loser's number went back with its transaction: the next filing takes 2, no gap.
    siguiente = SolicitudFactory(correo="", direccion="Calle 6 # 1-2", ahora=en_bogota(2026, 3, 20))
    assert siguiente.radicado == "PQRS-2026-000002"
    assert Consecutivo.objects.get(serie="pqrs", anio=2026).ultimo == 2

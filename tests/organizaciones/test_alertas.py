"""IVC alerts (Ley 2166 de 2021 arts. 11 and 36): each with dates on both sides of its threshold, in a
fixed number of queries, and shown to the IVC role only."""

from datetime import date

import pytest
from django.urls import reverse

from organizaciones.models import Dignatario, Eleccion, Resolucion, Tramite
from organizaciones.selectors import alertas
from tests.civic.fabricas import FuncionarioFactory

from .fabricas import OrganizacionFactory, funcionario_ivc

pytestmark = pytest.mark.django_db

_consecutivo = iter(range(1, 10_000))


def inscribir(organizacion, *, inicio: date, fecha: date | None = None, cargo="presidente", documento=None):
    """A dignatario inscribed by a resolution of `fecha` (its period starting on `inicio`)."""
    n = next(_consecutivo)
    fecha = fecha or inicio
    tramite = Tramite.objects.create(
        clase="inscripcion_dignatarios",
        organizacion=organizacion,
        plazo_dias=15,
        radicado=f"DIG-{fecha.year}-{n:06d}",
        serie="org-inscripcion_dignatarios",
        anio=fecha.year,
        consecutivo=n,
        radicada_en=f"{fecha.isoformat()}T10:00Z",
        fecha_radicacion_efectiva=fecha,
        anonima=True,
    )
    resolucion = Resolucion.objects.create(
        numero=n,
        anio=fecha.year,
        fecha=fecha,
        clase="inscripcion_dignatarios",
        sentido="aprueba",
        organizacion=organizacion,
        tramite=tramite,
        considerandos="…",
        firmante=FuncionarioFactory(),
    )
    return Dignatario.objects.create(
        organizacion=organizacion,
        nombres="Marta",
        apellidos=f"Arboleda {n}",
        numero_documento=documento or str(31_000_000 + n),
        genero="mujer",
        cargo=cargo,
        inicio=inicio,
        fin=date(inicio.year + 4, inicio.month, 1),
        vigente=True,
        resolucion=resolucion,
    )


def _nombres(hoy: date, clave: str) -> set[str]:
    [seccion] = alertas.alertas(hoy, solo=clave)
    assert seccion.total == len(seccion.filas)
    return {f.organizacion.nombre for f in seccion.filas}


def test_sin_dignatarios_inscritos_cuando_empieza_el_periodo():
    al_dia = OrganizacionFactory(nombre="Al día")
    inscribir(al_dia, inicio=date(2026, 7, 1))
    del_periodo_anterior = OrganizacionFactory(nombre="Periodo anterior")
    inscribir(del_periodo_anterior, inicio=date(2022, 7, 1))
    OrganizacionFactory(nombre="Sin junta")
    asociacion = OrganizacionFactory(nombre="Asocomunal", tipo="asocomunal", clase_territorio="")
    inscribir(asociacion, inicio=date(2022, 9, 1))
    OrganizacionFactory(nombre="Cancelada", estado="cancelada")
    OrganizacionFactory(nombre="Fundación", tipo="fundacion", clase_territorio="")

    # The last day of the 2022-2026 period: the old junta is still the junta.
    assert _nombres(date(2026, 6, 30), "sin_dignatarios") == {"Sin junta"}
    # The JAC period started on 1 July; the Asocomunal's starts on 1 September.
    assert _nombres(date(2026, 7, 1), "sin_dignatarios") == {"Sin junta", "Periodo anterior"}
    assert _nombres(date(2026, 9, 1), "sin_dignatarios") == {"Sin junta", "Periodo anterior", "Asocomunal"}


def test_eleccion_sin_tribunal_de_garantias_30_dias_antes():
    hoy = date(2026, 8, 1)
    for nombre, fecha, tribunal in [
        ("En 30 días sin tribunal", date(2026, 8, 31), None),
        ("En 31 días sin tribunal", date(2026, 9, 1), None),
        ("Tribunal justo a tiempo", date(2026, 8, 20), date(2026, 7, 21)),
        ("Tribunal un día tarde", date(2026, 8, 20), date(2026, 7, 22)),
        ("Elección ya pasada", date(2026, 7, 31), None),
        ("Elección hoy", date(2026, 8, 1), None),
    ]:
        Eleccion.objects.create(
            organizacion=OrganizacionFactory(nombre=nombre), fecha=fecha, tribunal_conformado_en=tribunal
        )

    assert _nombres(hoy, "sin_tribunal") == {
        "En 30 días sin tribunal",
        "Tribunal un día tarde",
        "Elección hoy",
    }
    [seccion] = alertas.alertas(hoy, solo="sin_tribunal")
    detalle = {f.organizacion.nombre: f.detalle for f in seccion.filas}
    assert detalle["Tribunal un día tarde"] == (
        "Elección el 2026-08-20; el tribunal se conformó el 2026-07-22, después del 2026-07-21."
    )


def test_sin_actividad_en_un_anio():
    OrganizacionFactory(nombre="Justo un año", ultima_actividad=date(2025, 8, 1))
    OrganizacionFactory(nombre="Un año y un día", ultima_actividad=date(2025, 7, 31))
    OrganizacionFactory(nombre="Nunca")
    OrganizacionFactory(nombre="Suspendida", estado="suspendida", suspendida_hasta=date(2027, 1, 1))

    assert _nombres(date(2026, 8, 1), "sin_actividad") == {"Un año y un día", "Nunca"}


def test_afiliados_por_debajo_de_la_mitad_del_minimo():
    OrganizacionFactory(nombre="Barrio 37", afiliados=37)  # minimum 75: half is 37.5
    OrganizacionFactory(nombre="Barrio 38", afiliados=38)
    OrganizacionFactory(nombre="Vereda 9", clase_territorio="vereda", afiliados=9)  # minimum 20
    OrganizacionFactory(nombre="Vereda 10", clase_territorio="vereda", afiliados=10)
    OrganizacionFactory(nombre="Fundación 1", tipo="fundacion", clase_territorio="", afiliados=1)

    assert _nombres(date(2026, 8, 1), "pocos_afiliados") == {"Barrio 37", "Vereda 9"}


def test_las_alertas_cuestan_las_mismas_consultas_con_mas_organizaciones(django_assert_num_queries):
    hoy = date(2026, 8, 1)

    def sembrar(n):
        for _i in range(n):
            organizacion = OrganizacionFactory(afiliados=5)
            Eleccion.objects.create(organizacion=organizacion, fecha=date(2026, 8, 10))

    sembrar(2)
    with django_assert_num_queries(6):  # 2 for the totals, 1 per alert for its rows
        secciones = alertas.alertas(hoy)
    assert [s.total for s in secciones] == [2, 2, 2, 2]
    sembrar(10)
    with django_assert_num_queries(6):
        secciones = alertas.alertas(hoy)
    assert [s.total for s in secciones] == [12, 12, 12, 12]
    with django_assert_num_queries(2):
        assert alertas.conteos(hoy) == dict.fromkeys(alertas.CLAVES, 12)


def test_el_panel_y_la_pagina_son_del_rol_ivc(client):
    OrganizacionFactory(nombre="Junta sin nada", afiliados=5)
    client.force_login(funcionario_ivc())

    inicio = client.get(reverse("admin:index")).content.decode()
    assert "Alertas de inspección, vigilancia y control" in inicio
    assert reverse("admin:organizaciones_organizacion_alertas") + "#pocos_afiliados" in inicio
    pagina = client.get(reverse("admin:organizaciones_organizacion_alertas"))
    assert pagina.status_code == 200
    assert "Junta sin nada" in pagina.content.decode()

    client.force_login(FuncionarioFactory())
    assert "Alertas de inspección" not in client.get(reverse("admin:index")).content.decode()
    assert client.get(reverse("admin:organizaciones_organizacion_alertas")).status_code == 403

from datetime import UTC, date, datetime, timedelta

import holidays
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from civic import calendario
from civic.calendario import ZONA_HORARIA, DiaOmitido
from civic.models import DiaNoHabil
from civic.services.calendario import declarar_dia_no_habil, eliminar_dia_no_habil, modificar_dia_no_habil

pytestmark = pytest.mark.django_db

VIERNES_20_MARZO = date(2026, 3, 20)


@pytest.fixture
def funcionario(django_user_model):
    return django_user_model.objects.create_user(username="calendario", password="clave-de-prueba-123")


def _declarar(capturar, fecha, motivo="Día cívico municipal", actor=None):
    with capturar(execute=True):
        return declarar_dia_no_habil(
            fecha=fecha, motivo=motivo, acto_administrativo="Decreto 0123", actor=actor
        )


# DOMAIN.md §1, worked examples, and the example.
@pytest.mark.parametrize(
    ("inicio", "dias", "vencimiento"),
    [
        (date(2026, 3, 20), 15, date(2026, 4, 15)),
        (date(2026, 3, 31), 10, date(2026, 4, 16)),
        (date(2026, 4, 6), 15, date(2026, 4, 27)),
        (date(2026, 12, 18), 15, date(2027, 1, 13)),
        (date(2026, 7, 1), 15, date(2026, 7, 24)),
    ],
)
def test_ejemplos_del_dominio(inicio, dias, vencimiento):
    assert calendario.sumar_dias_habiles(inicio, dias) == vencimiento
    assert calendario.dias_habiles_entre(inicio, vencimiento) == dias


def test_radicado_en_sabado_cuenta_desde_el_lunes():
    # Sat 4 Apr 2026 is radicado on Mon 6 Apr; the count starts on Tue 7 Apr.
    radicacion = calendario.fecha_radicacion_efectiva(datetime(2026, 4, 4, 11, 0, tzinfo=ZONA_HORARIA))
    assert radicacion == date(2026, 4, 6)
    assert calendario.sumar_dias_habiles(radicacion, 15) == date(2026, 4, 27)


def test_el_dia_de_radicacion_no_cuenta():
    assert calendario.sumar_dias_habiles(date(2026, 4, 6), 1) == date(2026, 4, 7)
    # Filed on a Saturday (as given, not radicado): the first business day after it is Monday.
    assert calendario.sumar_dias_habiles(date(2026, 4, 4), 1) == date(2026, 4, 6)


def test_cero_dias_devuelve_el_inicio_y_negativos_se_rechazan():
    assert calendario.sumar_dias_habiles(date(2026, 4, 4), 0) == date(2026, 4, 4)
    with pytest.raises(ValueError, match="dias"):
        calendario.sumar_dias_habiles(date(2026, 4, 6), -1)


# Computed by hand from Ley 51 de 1983 (Easter: 20 Apr 2025, 5 Apr 2026, 28 Mar 2027; Ascensión = Easter + 43,
# Corpus Christi = Easter + 64, Sagrado Corazón = Easter + 71 once moved to Monday) and Ley 2578 de 2026.
FESTIVOS = {
    2025: [
        date(2025, 1, 1),  # Año Nuevo
        date(2025, 1, 6),  # Reyes (a Monday already)
        date(2025, 3, 24),  # San José, 19 Mar (Wed) → Mon
        date(2025, 4, 17),  # Jueves Santo
        date(2025, 4, 18),  # Viernes Santo
        date(2025, 5, 1),  # Día del Trabajo
        date(2025, 6, 2),  # Ascensión
        date(2025, 6, 23),  # Corpus Christi
        date(2025, 6, 30),  # Sagrado Corazón and San Pedro y San Pablo (29 Jun, Sun) on the same Monday
        date(2025, 7, 20),  # Independencia (Sunday)
        date(2025, 8, 7),  # Batalla de Boyacá
        date(2025, 8, 18),  # Asunción, 15 Aug (Fri) → Mon
        date(2025, 10, 13),  # Día de la Raza, 12 Oct (Sun) → Mon
        date(2025, 11, 3),  # Todos los Santos, 1 Nov (Sat) → Mon
        date(2025, 11, 17),  # Independencia de Cartagena, 11 Nov (Tue) → Mon
        date(2025, 12, 8),  # Inmaculada Concepción
        date(2025, 12, 25),  # Navidad
    ],
    2026: [
        date(2026, 1, 1),
        date(2026, 1, 12),  # Reyes, 6 Jan (Tue) → Mon
        date(2026, 3, 23),  # San José, 19 Mar (Thu) → Mon
        date(2026, 4, 2),  # Jueves Santo
        date(2026, 4, 3),  # Viernes Santo
        date(2026, 5, 1),
        date(2026, 5, 18),  # Ascensión
        date(2026, 6, 8),  # Corpus Christi
        date(2026, 6, 15),  # Sagrado Corazón
        date(2026, 6, 29),  # San Pedro y San Pablo (a Monday already)
        date(2026, 7, 13),  # Virgen de Chiquinquirá, 9 Jul (Thu) → Mon (Ley 2578 de 2026)
        date(2026, 7, 20),
        date(2026, 8, 7),
        date(2026, 8, 17),  # Asunción, 15 Aug (Sat) → Mon
        date(2026, 10, 12),  # Día de la Raza (a Monday already)
        date(2026, 11, 2),  # Todos los Santos, 1 Nov (Sun) → Mon
        date(2026, 11, 16),  # Cartagena, 11 Nov (Wed) → Mon
        date(2026, 12, 8),
        date(2026, 12, 25),
    ],
    2027: [
        date(2027, 1, 1),
        date(2027, 1, 11),  # Reyes, 6 Jan (Wed) → Mon
        date(2027, 3, 22),  # San José, 19 Mar (Fri) → Mon
        date(2027, 3, 25),  # Jueves Santo
        date(2027, 3, 26),  # Viernes Santo
        date(2027, 5, 1),  # Saturday
        date(2027, 5, 10),  # Ascensión
        date(2027, 5, 31),  # Corpus Christi
        date(2027, 6, 7),  # Sagrado Corazón
        date(2027, 7, 5),  # San Pedro y San Pablo, 29 Jun (Tue) → Mon
        date(2027, 7, 12),  # Virgen de Chiquinquirá, 9 Jul (Fri) → Mon
        date(2027, 7, 20),
        date(2027, 8, 7),  # Saturday
        date(2027, 8, 16),  # Asunción, 15 Aug (Sun) → Mon
        date(2027, 10, 18),  # Día de la Raza, 12 Oct (Tue) → Mon
        date(2027, 11, 1),  # Todos los Santos (a Monday already)
        date(2027, 11, 15),  # Cartagena, 11 Nov (Thu) → Mon
        date(2027, 12, 8),
        date(2027, 12, 25),  # Saturday
    ],
}


@pytest.mark.parametrize("anio", sorted(FESTIVOS))
def test_festivos_nacionales(anio):
    assert sorted(calendario.festivos_nacionales(anio)) == FESTIVOS[anio]
    assert not any(calendario.es_dia_habil(festivo) for festivo in FESTIVOS[anio])


def test_2026_tiene_19_festivos_con_nombre_en_espanol():
    festivos = calendario.festivos_nacionales(2026)
    assert len(festivos) == 19
    assert festivos[date(2026, 7, 13)] == "Día de Nuestra Señora del Rosario de Chiquinquirá (observado)"
    assert festivos[date(2026, 4, 3)] == "Viernes Santo"


def test_es_dia_habil():
    assert calendario.es_dia_habil(date(2026, 3, 20))  # Friday
    assert not calendario.es_dia_habil(date(2026, 3, 21))  # Saturday
    assert not calendario.es_dia_habil(date(2026, 3, 22))  # Sunday
    assert not calendario.es_dia_habil(date(2026, 3, 23))  # San José (observed)
    assert calendario.es_dia_habil(date(2026, 3, 19))  # 19 Mar itself is moved to Monday


def _vencimiento_contando_a_mano(inicio, dias):
    festivos = holidays.country_holidays("CO", years=range(inicio.year, inicio.year + 2))
    fecha, contados = inicio, 0
    while contados < dias:
        fecha += timedelta(days=1)
        contados += fecha.weekday() < 5 and fecha not in festivos
    return fecha


def test_coincide_con_contar_dia_por_dia_todos_los_dias_de_2025_a_2027():
    inicio = date(2025, 1, 1)
    while inicio <= date(2027, 12, 31):
        for dias in (1, 3, 10, 15, 30):
            vencimiento = calendario.sumar_dias_habiles(inicio, dias)
            assert vencimiento == _vencimiento_contando_a_mano(inicio, dias), (inicio, dias)
        inicio += timedelta(days=1)


def test_fechas_lejanas_amplian_el_calendario_hacia_adelante_y_hacia_atras():
    assert calendario.sumar_dias_habiles(date(2026, 7, 1), 15) == date(2026, 7, 24)
    lejos = calendario.sumar_dias_habiles(date(2026, 7, 1), 2500)
    assert lejos.year == 2036
    assert calendario.es_dia_habil(lejos)
    assert calendario.dias_habiles_entre(date(2026, 7, 1), lejos) == 2500
    assert calendario.sumar_dias_habiles(date(2001, 12, 21), 10) == _vencimiento_contando_a_mano(
        date(2001, 12, 21), 10
    )
    # The first table still answers correctly after widening.
    assert calendario.sumar_dias_habiles(date(2026, 12, 18), 15) == date(2027, 1, 13)


class TestFechaRadicacionEfectiva:
    def test_dia_habil(self):
        momento = datetime(2026, 3, 20, 9, 30, tzinfo=ZONA_HORARIA)
        assert calendario.fecha_radicacion_efectiva(momento) == date(2026, 3, 20)

    def test_viernes_a_las_23_59_sigue_siendo_viernes(self):
        momento = datetime(2026, 3, 20, 23, 59, 59, tzinfo=ZONA_HORARIA)
        assert calendario.fecha_radicacion_efectiva(momento) == date(2026, 3, 20)

    def test_sabado_pasa_al_siguiente_dia_habil(self):
        # Sat 21 Mar 2026: Monday 23 is San José, so the next business day is Tuesday.
        momento = datetime(2026, 3, 21, 0, 0, 1, tzinfo=ZONA_HORARIA)
        assert calendario.fecha_radicacion_efectiva(momento) == date(2026, 3, 24)

    def test_lunes_festivo_pasa_al_martes(self):
        momento = datetime(2026, 7, 13, 10, 0, tzinfo=ZONA_HORARIA)
        assert calendario.fecha_radicacion_efectiva(momento) == date(2026, 7, 14)

    def test_hora_utc_que_en_bogota_es_aun_el_dia_anterior(self):
        # 03:30 UTC on Sat 21 Mar is 22:30 on Fri 20 Mar in Bogotá (UTC-5).
        momento = datetime(2026, 3, 21, 3, 30, tzinfo=UTC)
        assert calendario.fecha_radicacion_efectiva(momento) == date(2026, 3, 20)

    def test_exige_fecha_con_zona_horaria(self):
        with pytest.raises(ValueError, match="aware"):
            calendario.fecha_radicacion_efectiva(datetime(2026, 3, 20, 9, 30))


class TestDiasHabilesEntre:
    def test_positivo(self):
        assert calendario.dias_habiles_entre(date(2026, 4, 13), date(2026, 4, 15)) == 2
        # Over the year boundary: 21 to 24 and 28 to 31 Dec, 4 to 8 and 12, 13 Jan.
        assert calendario.dias_habiles_entre(date(2026, 12, 18), date(2027, 1, 13)) == 15

    def test_cero_vence_hoy(self):
        assert calendario.dias_habiles_entre(date(2026, 4, 15), date(2026, 4, 15)) == 0
        # No business day in (Sat, Mon-holiday]: still 0.
        assert calendario.dias_habiles_entre(date(2026, 3, 21), date(2026, 3, 23)) == 0

    def test_negativo_vencido(self):
        assert calendario.dias_habiles_entre(date(2026, 4, 17), date(2026, 4, 15)) == -2
        assert calendario.dias_habiles_entre(date(2026, 4, 15), date(2026, 3, 20)) == -15


def test_explicar_plazo_lista_los_dias_omitidos_con_su_motivo():
    explicacion = calendario.explicar_plazo(VIERNES_20_MARZO, 15)

    assert (explicacion.inicio, explicacion.dias, explicacion.vencimiento) == (
        VIERNES_20_MARZO,
        15,
        date(2026, 4, 15),
    )
    assert len(explicacion.contados) == 15
    assert explicacion.contados[0] == date(2026, 3, 24)
    assert explicacion.contados[-1] == date(2026, 4, 15)
    assert explicacion.omitidos == (
        DiaOmitido(date(2026, 3, 21), "sábado"),
        DiaOmitido(date(2026, 3, 22), "domingo"),
        DiaOmitido(date(2026, 3, 23), "Día de San José (observado)"),
        DiaOmitido(date(2026, 3, 28), "sábado"),
        DiaOmitido(date(2026, 3, 29), "domingo"),
        DiaOmitido(date(2026, 4, 2), "Jueves Santo"),
        DiaOmitido(date(2026, 4, 3), "Viernes Santo"),
        DiaOmitido(date(2026, 4, 4), "sábado"),
        DiaOmitido(date(2026, 4, 5), "domingo"),
        DiaOmitido(date(2026, 4, 11), "sábado"),
        DiaOmitido(date(2026, 4, 12), "domingo"),
    )


class TestDiasDeclarados:
    def test_un_dia_declarado_corre_el_vencimiento_y_se_explica(self, django_capture_on_commit_callbacks):
        _declarar(django_capture_on_commit_callbacks, date(2026, 4, 8))

        assert not calendario.es_dia_habil(date(2026, 4, 8))
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 16)
        omitido = DiaOmitido(date(2026, 4, 8), "Día cívico municipal")
        assert omitido in calendario.explicar_plazo(VIERNES_20_MARZO, 15).omitidos

    def test_se_cargan_una_vez_y_los_servicios_refrescan_la_cache(
        self, django_assert_num_queries, django_capture_on_commit_callbacks, funcionario
    ):
        with django_assert_num_queries(1):
            assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)
        with django_assert_num_queries(0):
            for _ in range(50):
                assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)
                assert calendario.es_dia_habil(date(2026, 4, 8))

        dia = _declarar(django_capture_on_commit_callbacks, date(2026, 4, 8), actor=funcionario)
        with django_assert_num_queries(1):
            assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 16)
        with django_assert_num_queries(0):
            assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 16)

        with django_capture_on_commit_callbacks(execute=True):
            modificar_dia_no_habil(
                dia=dia,
                fecha=date(2026, 4, 20),
                motivo="Día cívico",
                acto_administrativo="",
                actor=funcionario,
            )
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)
        assert calendario.sumar_dias_habiles(date(2026, 4, 15), 3) == date(2026, 4, 21)
        assert DiaNoHabil.objects.get().fecha == date(2026, 4, 20)

        with django_capture_on_commit_callbacks(execute=True):
            eliminar_dia_no_habil(dia=dia, actor=funcionario)
        with django_assert_num_queries(1):
            assert calendario.sumar_dias_habiles(date(2026, 4, 15), 3) == date(2026, 4, 20)
        assert not DiaNoHabil.objects.exists()
        assert [h.history_user for h in DiaNoHabil.history.order_by("history_date")] == [funcionario] * 3

    def test_otro_proceso_lo_nota_por_la_version_compartida(
        self, django_assert_num_queries, django_capture_on_commit_callbacks
    ):
        # A second instance stands for another worker; it re-checks the shared version on every call.
        otro_proceso = calendario.Calendario(revision_segundos=0)
        assert otro_proceso.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)
        with django_assert_num_queries(0):
            assert otro_proceso.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)

        _declarar(django_capture_on_commit_callbacks, date(2026, 4, 8))

        assert otro_proceso.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 16)

    def test_un_cambio_revertido_no_llega_al_calendario(self, django_capture_on_commit_callbacks):
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)
        with django_capture_on_commit_callbacks(execute=False) as pendientes:
            declarar_dia_no_habil(fecha=date(2026, 4, 8), motivo="Día cívico", actor=None)
        # Not committed yet: the calendar keeps its table.
        assert len(pendientes) == 1
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)

    def test_fecha_repetida_se_rechaza(self, django_capture_on_commit_callbacks):
        _declarar(django_capture_on_commit_callbacks, date(2026, 4, 8))
        with pytest.raises(ValidationError) as error:
            declarar_dia_no_habil(fecha=date(2026, 4, 8), motivo="Otra vez", actor=None)
        assert "fecha" in error.value.message_dict
        assert DiaNoHabil.objects.count() == 1


class TestAdmin:
    def test_crear_editar_y_borrar_pasan_por_los_servicios(
        self, admin_client, admin_user, django_capture_on_commit_callbacks
    ):
        datos = {"fecha": "2026-04-08", "motivo": "Día cívico", "acto_administrativo": "Decreto 0123 de 2026"}
        with django_capture_on_commit_callbacks(execute=True):
            respuesta = admin_client.post(reverse("admin:civic_dianohabil_add"), datos)
        assert respuesta.status_code == 302
        dia = DiaNoHabil.objects.get()
        assert dia.history.get().history_user == admin_user
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 16)

        with django_capture_on_commit_callbacks(execute=True):
            respuesta = admin_client.post(
                reverse("admin:civic_dianohabil_change", args=[dia.pk]), {**datos, "fecha": "2026-04-20"}
            )
        assert respuesta.status_code == 302
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)

        with django_capture_on_commit_callbacks(execute=True):
            respuesta = admin_client.post(
                reverse("admin:civic_dianohabil_delete", args=[dia.pk]), {"post": "yes"}
            )
        assert respuesta.status_code == 302
        assert not DiaNoHabil.objects.exists()
        assert calendario.sumar_dias_habiles(date(2026, 4, 15), 3) == date(2026, 4, 20)

    def test_borrado_en_bloque_y_lista(self, admin_client, admin_user, django_capture_on_commit_callbacks):
        dias = [_declarar(django_capture_on_commit_callbacks, date(2026, 4, d)) for d in (8, 9)]
        respuesta = admin_client.get(reverse("admin:civic_dianohabil_changelist"), {"q": "cívico"})
        assert "Decreto 0123" in respuesta.content.decode()
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 17)

        with django_capture_on_commit_callbacks(execute=True):
            respuesta = admin_client.post(
                reverse("admin:civic_dianohabil_changelist"),
                {"action": "delete_selected", "_selected_action": [d.pk for d in dias], "post": "yes"},
            )
        assert respuesta.status_code == 302
        assert not DiaNoHabil.objects.exists()
        assert DiaNoHabil.history.filter(history_type="-", history_user=admin_user).count() == 2
        assert calendario.sumar_dias_habiles(VIERNES_20_MARZO, 15) == date(2026, 4, 15)

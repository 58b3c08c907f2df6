"""PQRS reminders with the 2026 calendar: each kind on the right business day, once.

Filed Fri 20 Mar 2026 (15 business days) → due Wed 15 Apr. Business days before it: 10 Apr (3 left),
13 Apr (2), 14 Apr (1), 15 Apr (0); 16 Apr is the first day overdue. 2-3 Apr (Semana Santa) are holidays.
Filed Fri 19 Jun 2026 → due Tue 14 Jul, the day after the Monday 13 Jul holiday (Ley 2578 de 2026).
"""

import threading
import time
from datetime import date

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction

from civic.models import Notificacion, Recordatorio
from civic.plazos import recordatorios
from civic.plazos.resumen import TIPO_RESUMEN, enviar_resumenes_diarios, resumen_de
from civic.services.notificaciones import entregar_notificacion, reenviar
from pqrs import services
from pqrs.models import Canal, Solicitud
from pqrs.recordatorios import (
    TIPO_DESISTIMIENTO,
    TIPO_PLAZO_CIUDADANO,
    TIPO_POR_VENCER,
    TIPO_POR_VENCER_PRIORITARIA,
    TIPO_SIN_CORREGIR,
    TIPO_TRASLADO,
    TIPO_VENCIDA,
    TIPO_VENCIDA_PRIORITARIA,
    reglas,
)
from tests.apoyo import apuntar_a_smtp_caido, configurar_celery, requiere_servicios
from tests.pqrs.factories import (
    DependenciaFactory,
    FuncionarioFactory,
    SolicitudFactory,
    coordinador,
    en_bogota,
)

pytestmark = pytest.mark.django_db

VENCE = date(2026, 4, 15)


@pytest.fixture(autouse=True)
def celery_en_proceso():
    # The embedded mode: delivery tasks run in the caller, whatever REDIS_URL this run has.
    with configurar_celery(task_always_eager=True):
        yield


@pytest.fixture
def barrer(django_capture_on_commit_callbacks):
    """Run the sweep for a day and deliver what it queued (the outbox's on-commit enqueue)."""

    def _barrer(hoy: date):
        with django_capture_on_commit_callbacks(execute=True):
            return recordatorios.barrer_todo(hoy=hoy)

    return _barrer


@pytest.fixture
def dependencia():
    return DependenciaFactory(correo="infraestructura@alcaldia.test")


@pytest.fixture
def responsable(dependencia):
    return FuncionarioFactory(dependencia=dependencia, email="responsable@alcaldia.test")


@pytest.fixture
def asignada(dependencia, responsable):
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    assert solicitud.fecha_vencimiento == VENCE
    return services.asignar(
        solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable
    )


def claves(tipo: str, objeto=None) -> list[str]:
    filas = Recordatorio.objects.filter(tipo=tipo)
    if objeto is not None:
        filas = filas.filter(objeto_tipo=ContentType.objects.get_for_model(objeto), objeto_id=objeto.pk)
    return sorted(filas.values_list("clave", flat=True))


def correos(plantilla: str) -> list[str]:
    return sorted(
        Notificacion.objects.filter(plantilla=f"pqrs/emails/recordatorio_{plantilla}").values_list(
            "destinatario", flat=True
        )
    )


def recordatorios_enviados(mailoutbox) -> list:
    return [m for m in mailoutbox if "Recordatorio" in m.subject or "vencida" in m.subject]


# --- before the due date ----------------------------------------------------------------------------


def test_avisa_a_3_1_y_0_dias_habiles_una_vez_cada_uno(asignada, barrer, mailoutbox):
    barrer(date(2026, 4, 9))  # 4 business days left: too early
    assert claves(TIPO_POR_VENCER) == []

    barrer(date(2026, 4, 10))
    barrer(date(2026, 4, 10))  # a second sweep the same day (a second beat, a redelivered task)
    assert claves(TIPO_POR_VENCER) == ["3:2026-04-15"]
    assert correos("por_vencer") == ["responsable@alcaldia.test"]
    (aviso,) = mailoutbox
    assert aviso.to == ["responsable@alcaldia.test"]
    assert aviso.subject == f"Recordatorio: la solicitud {asignada.radicado} vence en 3 días hábiles"
    assert "miércoles 15 de abril de 2026" in aviso.body
    assert f"/admin/pqrs/solicitud/{asignada.pk}/change/" in aviso.body
    # Staff mail carries no personal data of the petitioner (Ley 1581 de 2012).
    assert "Rentería" not in aviso.body

    barrer(date(2026, 4, 13))  # 2 left: the 3-day reminder went out already, the 1-day one is not due
    barrer(date(2026, 4, 14))
    barrer(date(2026, 4, 15))
    barrer(date(2026, 4, 15))
    assert claves(TIPO_POR_VENCER) == ["0:2026-04-15", "1:2026-04-15", "3:2026-04-15"]
    assert len(mailoutbox) == 3
    assert mailoutbox[1].subject.endswith("vence en 1 día hábil")
    assert mailoutbox[2].subject.endswith("vence hoy")
    assert claves(TIPO_VENCIDA) == []


def test_un_barrido_perdido_envia_solo_el_aviso_mas_urgente(asignada, barrer):
    # No sweep ran on 10 and 13 Apr (an outage): on 14 Apr only the 1-day reminder goes, not the 3-day one.
    barrer(date(2026, 4, 14))
    assert claves(TIPO_POR_VENCER) == ["1:2026-04-15"]


def test_la_prorroga_tiene_sus_propios_avisos(asignada, responsable, barrer):
    barrer(date(2026, 4, 10))
    services.prorrogar(
        solicitud=asignada,
        motivo="Se requiere visita técnica.",
        nueva_fecha=date(2026, 5, 6),
        actor=responsable,
        hoy=date(2026, 4, 13),
    )
    barrer(date(2026, 4, 14))
    barrer(date(2026, 4, 15))
    barrer(date(2026, 4, 16))  # the old due date passed, but the term now runs to 6 May: not overdue
    assert claves(TIPO_POR_VENCER) == ["3:2026-04-15"]
    assert claves(TIPO_VENCIDA) == []

    barrer(date(2026, 4, 30))  # 4, 5 and 6 May: 3 business days left (1 May is a holiday)
    assert claves(TIPO_POR_VENCER) == ["3:2026-04-15", "3:2026-05-06"]


def test_una_solicitud_respondida_no_recibe_avisos(asignada, responsable, barrer):
    services.responder(solicitud=asignada, texto="Se programó la reparación.", actor=responsable)
    for dia in (10, 14, 15, 16, 21):
        barrer(date(2026, 4, dia))
    assert Recordatorio.objects.count() == 0


def test_vence_el_dia_siguiente_a_un_lunes_festivo(dependencia, responsable, barrer):
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 6, 19))
    assert solicitud.fecha_vencimiento == date(2026, 7, 14)
    services.asignar(solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable)

    barrer(date(2026, 7, 8))  # 9, 10 and 14 Jul: 3 left (13 Jul is a holiday)
    assert claves(TIPO_POR_VENCER) == ["3:2026-07-14"]
    barrer(date(2026, 7, 10))  # Friday: 1 left, the holiday does not count
    assert claves(TIPO_POR_VENCER) == ["1:2026-07-14", "3:2026-07-14"]
    assert barrer(date(2026, 7, 11)) == {}  # Saturday: the sweep does nothing
    assert barrer(date(2026, 7, 13)) == {}  # the holiday Monday: nothing either
    assert claves(TIPO_POR_VENCER) == ["1:2026-07-14", "3:2026-07-14"]
    barrer(date(2026, 7, 14))
    assert claves(TIPO_POR_VENCER) == ["0:2026-07-14", "1:2026-07-14", "3:2026-07-14"]
    barrer(date(2026, 7, 15))  # the next business morning after the due date
    assert claves(TIPO_VENCIDA) == ["2026-07-14:0"]


# --- overdue ----------------------------------------------------------------------------------------


def test_vencida_escala_y_se_repite_cada_n_dias_habiles(asignada, dependencia, responsable, barrer, settings):
    jefe = FuncionarioFactory(dependencia=dependencia, email="jefe@alcaldia.test")
    dependencia.jefe = jefe
    dependencia.save()
    coordinador(email="coordinacion@alcaldia.test")
    settings.PQRS_RECORDATORIOS = {"repetir_vencidas_cada": 2}

    barrer(date(2026, 4, 15))
    assert claves(TIPO_VENCIDA) == []
    barrer(date(2026, 4, 16))  # 1 business day overdue
    barrer(date(2026, 4, 16))
    assert claves(TIPO_VENCIDA) == ["2026-04-15:0"]
    assert correos("vencida") == [
        "coordinacion@alcaldia.test",
        "jefe@alcaldia.test",
        "responsable@alcaldia.test",
    ]
    barrer(date(2026, 4, 17))  # 2 overdue: same cycle
    assert claves(TIPO_VENCIDA) == ["2026-04-15:0"]
    barrer(date(2026, 4, 18))  # Saturday
    barrer(date(2026, 4, 20))  # 3 overdue: a new cycle
    barrer(date(2026, 4, 21))
    assert claves(TIPO_VENCIDA) == ["2026-04-15:0", "2026-04-15:1"]
    barrer(date(2026, 4, 23))  # cycle 2 began on 22 Apr (5 overdue), whose sweep was missed: sent late, once
    assert claves(TIPO_VENCIDA) == ["2026-04-15:0", "2026-04-15:1", "2026-04-15:2"]
    assert len(correos("vencida")) == 9

    services.responder(solicitud=asignada, texto="Respuesta tardía.", actor=responsable)
    barrer(date(2026, 4, 28))
    assert len(claves(TIPO_VENCIDA)) == 3


def test_el_jefe_que_es_responsable_recibe_un_solo_correo(asignada, dependencia, responsable, barrer):
    dependencia.jefe = responsable
    dependencia.save()
    barrer(date(2026, 4, 16))
    assert correos("vencida") == ["responsable@alcaldia.test"]
    assert Recordatorio.objects.get(tipo=TIPO_VENCIDA).destinatarios == 1


# --- recipients ---------------------------------------------------------------------------------------


def test_destinatarios_responsable_buzon_de_la_dependencia_o_coordinacion(dependencia, responsable, barrer):
    coordinador(email="coordinacion@alcaldia.test")
    coordinador(email="inactivo@alcaldia.test", is_active=False)
    con_responsable = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    services.asignar(
        solicitud=con_responsable, dependencia=dependencia, responsable=responsable, actor=responsable
    )
    sin_responsable = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    services.asignar(solicitud=sin_responsable, dependencia=dependencia, actor=responsable)
    sin_asignar = SolicitudFactory(ahora=en_bogota(2026, 3, 20))

    barrer(date(2026, 4, 10))

    def destinatarios(solicitud):
        return sorted(
            Notificacion.objects.filter(
                plantilla="pqrs/emails/recordatorio_por_vencer", objeto_id=solicitud.pk
            ).values_list("destinatario", flat=True)
        )

    assert destinatarios(con_responsable) == ["responsable@alcaldia.test"]
    assert destinatarios(sin_responsable) == ["infraestructura@alcaldia.test"]
    assert destinatarios(sin_asignar) == ["coordinacion@alcaldia.test"]


# --- art. 21: traslado window ------------------------------------------------------------------------


def test_ventana_de_traslado_de_una_solicitud_sin_asignar(barrer, dependencia, responsable):
    coordinador(email="coordinacion@alcaldia.test")
    solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    # Art. 21: 5 business days after Fri 20 Mar (23 Mar is a holiday) → Mon 30 Mar.
    (traslado,) = [r for r in reglas() if r.tipo == TIPO_TRASLADO]
    assert traslado.fecha(solicitud) == date(2026, 3, 30)

    barrer(date(2026, 3, 25))
    assert claves(TIPO_TRASLADO) == []
    barrer(date(2026, 3, 26))  # 27 and 30 Mar left
    barrer(date(2026, 3, 27))
    assert claves(TIPO_TRASLADO) == ["2:2026-03-30"]
    assert correos("traslado") == ["coordinacion@alcaldia.test"]
    barrer(date(2026, 3, 30))
    assert claves(TIPO_TRASLADO) == ["0:2026-03-30", "2:2026-03-30"]
    barrer(date(2026, 3, 31))  # the window closed
    assert len(claves(TIPO_TRASLADO)) == 2

    asignada = SolicitudFactory(ahora=en_bogota(2026, 3, 20))
    services.asignar(solicitud=asignada, dependencia=dependencia, responsable=responsable, actor=responsable)
    barrer(date(2026, 3, 26))
    assert claves(TIPO_TRASLADO, asignada) == []

    # A verbal petition is remitted the day it is received: no five-day window to remind of.
    verbal = SolicitudFactory(ahora=en_bogota(2026, 3, 20), canal=Canal.PRESENCIAL)
    barrer(date(2026, 3, 27))
    assert claves(TIPO_TRASLADO, verbal) == []


# --- art. 17: the petitioner's month ---------------------------------------------------------------


def test_plazo_del_peticionario_y_aviso_de_desistimiento(asignada, responsable, barrer, mailoutbox):
    services.solicitar_informacion(
        solicitud=asignada,
        requerimiento="Indique la dirección exacta.",
        actor=responsable,
        hoy=date(2026, 3, 24),
    )
    asignada.refresh_from_db()
    assert asignada.fecha_limite_ciudadano == date(2026, 4, 24)
    mailoutbox.clear()

    barrer(date(2026, 4, 16))  # 6 business days left
    assert claves(TIPO_PLAZO_CIUDADANO) == []
    barrer(date(2026, 4, 17))  # a working week before the month runs out
    barrer(date(2026, 4, 20))
    assert claves(TIPO_PLAZO_CIUDADANO) == ["2026-04-24"]
    (aviso,) = mailoutbox
    assert aviso.to == [asignada.correo]
    assert "viernes 24 de abril de 2026" in aviso.subject
    assert "ampl" in aviso.body  # they may still ask for one more month
    assert "/admin/" not in aviso.body

    # The suspended term is not overdue (its stored due date, 15 Apr, has passed).
    assert claves(TIPO_POR_VENCER) == []
    assert claves(TIPO_VENCIDA) == []

    barrer(date(2026, 4, 24))
    assert claves(TIPO_DESISTIMIENTO) == []
    barrer(date(2026, 4, 27))  # the month ran out: time to declare desistimiento
    barrer(date(2026, 4, 28))
    assert claves(TIPO_DESISTIMIENTO) == ["2026-04-24"]
    assert correos("desistimiento") == ["responsable@alcaldia.test"]


def test_aviso_de_archivo_cuando_vencen_los_10_dias_para_corregir(asignada, responsable, barrer, mailoutbox):
    services.devolver_para_corregir(
        solicitud=asignada, que_corregir="Aclare el lugar.", actor=responsable, hoy=date(2026, 3, 27)
    )
    # Fri 27 Mar + 10 business days (Holy Thursday and Good Friday skipped): Tue 14 Apr.
    asignada.refresh_from_db()
    assert asignada.fecha_limite_ciudadano == date(2026, 4, 14)
    barrer(date(2026, 4, 14))
    assert claves(TIPO_SIN_CORREGIR) == []
    barrer(date(2026, 4, 15))  # the days ran out: the office may archive (art. 19)
    barrer(date(2026, 4, 16))
    assert claves(TIPO_SIN_CORREGIR) == ["2026-04-14"]
    assert correos("sin_corregir") == ["responsable@alcaldia.test"]
    # Its due date passed while it was returned: no overdue reminder for a suspended term.
    assert claves(TIPO_VENCIDA) == []


def test_plazo_ampliado_recibe_su_propio_aviso(asignada, responsable, barrer):
    services.solicitar_informacion(
        solicitud=asignada, requerimiento="Falta la dirección.", actor=responsable, hoy=date(2026, 3, 24)
    )
    barrer(date(2026, 4, 17))
    services.ampliar_plazo_ciudadano(solicitud=asignada, hoy=date(2026, 4, 20))
    asignada.refresh_from_db()
    assert asignada.fecha_limite_ciudadano == date(2026, 5, 25)
    barrer(date(2026, 4, 27))  # the first month's limit is gone: no desistimiento reminder
    assert claves(TIPO_DESISTIMIENTO) == []
    barrer(date(2026, 5, 19))  # 18 May is a holiday (Ascensión)
    assert claves(TIPO_PLAZO_CIUDADANO) == ["2026-04-24", "2026-05-25"]


# --- daily digest ------------------------------------------------------------------------------------


def test_resumen_diario_solo_en_dias_habiles_y_a_quien_tiene_solicitudes(
    dependencia, responsable, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.MUNICIPIO = {**settings.MUNICIPIO, "sitio": "https://participacion.example.gov.co/"}
    vencida = SolicitudFactory(ahora=en_bogota(2026, 3, 20))  # due 15 Apr
    por_vencer = SolicitudFactory(ahora=en_bogota(2026, 4, 1))  # due 24 Apr
    a_tiempo = SolicitudFactory(ahora=en_bogota(2026, 4, 15))  # due 7 May
    for solicitud in (vencida, por_vencer, a_tiempo):
        services.asignar(
            solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable
        )
    sin_pendientes = FuncionarioFactory(dependencia=dependencia)
    respondida = SolicitudFactory(ahora=en_bogota(2026, 4, 15))
    services.asignar(
        solicitud=respondida, dependencia=dependencia, responsable=sin_pendientes, actor=responsable
    )
    services.responder(solicitud=respondida, texto="Listo.", actor=sin_pendientes)
    mailoutbox.clear()

    def enviar(hoy):
        with django_capture_on_commit_callbacks(execute=True):
            return enviar_resumenes_diarios(hoy=hoy)

    assert enviar(date(2026, 4, 18)).registrados == 0  # Saturday
    enviar(date(2026, 4, 21))
    enviar(date(2026, 4, 21))
    assert claves(TIPO_RESUMEN, responsable) == ["2026-04-21"]
    assert claves(TIPO_RESUMEN, sin_pendientes) == []
    (resumen,) = mailoutbox
    assert resumen.to == ["responsable@alcaldia.test"]
    assert "3 en trámite" in resumen.subject
    cuerpo = resumen.body
    assert cuerpo.index("Vencida (1)") < cuerpo.index("Por vencer (1)") < cuerpo.index("A tiempo (1)")
    for solicitud in (vencida, por_vencer, a_tiempo):
        assert f"https://participacion.example.gov.co/admin/pqrs/solicitud/{solicitud.pk}/change/" in cuerpo
    assert vencida.radicado in cuerpo.split("Por vencer")[0]

    enviar(date(2026, 4, 22))
    assert claves(TIPO_RESUMEN, responsable) == ["2026-04-21", "2026-04-22"]


def test_resumen_lista_hasta_el_maximo_y_cuenta_el_resto(dependencia, responsable, settings):
    settings.PQRS_RECORDATORIOS = {"resumen_max_por_grupo": 1}
    for _ in range(3):
        solicitud = SolicitudFactory(ahora=en_bogota(2026, 4, 15))
        services.asignar(
            solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable
        )
    (seccion,) = resumen_de(responsable, date(2026, 4, 16), maximo=1)
    (grupo,) = seccion["datos"]["grupos"]
    assert (grupo["semaforo"], grupo["total"], len(grupo["elementos"]), grupo["ocultas"]) == (
        "verde",
        3,
        1,
        2,
    )


# --- outages: SMTP through the reminder path -----------------------------------------------------


def test_smtp_caido_el_aviso_queda_fallido_y_se_reenvia_una_vez(
    asignada, responsable, barrer, settings, mailoutbox, django_capture_on_commit_callbacks
):
    locmem = settings.EMAIL_BACKEND
    apuntar_a_smtp_caido(settings)
    settings.NOTIFICACIONES_MAX_INTENTOS = 2
    barrer(date(2026, 4, 10))
    aviso = Notificacion.objects.get(plantilla="pqrs/emails/recordatorio_por_vencer")
    # The eager attempt failed and was recorded; the row waits for its retry.
    assert (aviso.estado, aviso.intentos) == (Notificacion.Estado.PENDIENTE, 1)
    # Its retry, once the back-off is over.
    with time_machine.travel(aviso.proximo_intento):
        entregar_notificacion(notificacion_id=aviso.pk)
    aviso.refresh_from_db()
    assert (aviso.estado, aviso.intentos) == (Notificacion.Estado.FALLIDA, 2)
    assert "ConnectionRefusedError" in aviso.ultimo_error
    # A second sweep does not write the reminder again: the failed row is what staff re-send.
    barrer(date(2026, 4, 10))
    assert Notificacion.objects.filter(plantilla="pqrs/emails/recordatorio_por_vencer").count() == 1

    settings.EMAIL_BACKEND = locmem
    with django_capture_on_commit_callbacks(execute=True):
        reenviar(notificacion=aviso, actor=responsable)
    aviso.refresh_from_db()
    assert aviso.estado == Notificacion.Estado.ENVIADA
    assert [m.to for m in mailoutbox] == [["responsable@alcaldia.test"]]


# --- concurrency on PostgreSQL ---------------------------------------------------------------------


def _en_hilos(*funciones):
    """Run each function in its own thread (own database connection), all released at once."""
    barrera = threading.Barrier(len(funciones))
    errores: list[BaseException] = []
    resultados: list = [None] * len(funciones)

    def correr(i, funcion):
        try:
            barrera.wait(timeout=30)
            resultados[i] = funcion()
        except BaseException as error:  # reported in the test's thread
            errores.append(error)
        finally:
            connection.close()

    hilos = [threading.Thread(target=correr, args=(i, f)) for i, f in enumerate(funciones)]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join(timeout=120)
    assert errores == []
    return resultados


@pytest.mark.servicios
@pytest.mark.django_db(transaction=True)
def test_dos_barridos_a_la_vez_registran_cada_aviso_una_vez():
    requiere_servicios(postgres=True)
    dependencia = DependenciaFactory(correo="infraestructura@alcaldia.test")
    responsable = FuncionarioFactory(dependencia=dependencia, email="responsable@alcaldia.test")
    jefe = FuncionarioFactory(dependencia=dependencia, email="jefe@alcaldia.test")
    dependencia.jefe = jefe
    dependencia.save()
    coordinador(email="coordinacion@alcaldia.test")
    # 15 due on 15 Apr, swept on 14 Apr (1 left); 15 due on 8 Apr (overdue 4 business days on 14 Apr).
    for dia in [20] * 15 + [13] * 15:
        solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, dia), correo="", direccion="Calle 5 # 1-2")
        services.asignar(solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=jefe)
    hoy = date(2026, 4, 14)

    def barrido():
        return recordatorios.barrer_todo(hoy=hoy, lote=4)

    with configurar_celery(task_always_eager=True):
        uno, otro = _en_hilos(barrido, barrido)

    assert Recordatorio.objects.filter(tipo=TIPO_POR_VENCER).count() == 15
    assert Recordatorio.objects.filter(tipo=TIPO_VENCIDA).count() == 15
    assert uno[TIPO_POR_VENCER].registrados + otro[TIPO_POR_VENCER].registrados == 15
    assert uno[TIPO_VENCIDA].registrados + otro[TIPO_VENCIDA].registrados == 15
    # One set of outbox rows per reminder: 1 for each reminder before the due date, 3 for each overdue one.
    assert Notificacion.objects.filter(plantilla="pqrs/emails/recordatorio_por_vencer").count() == 15
    assert Notificacion.objects.filter(plantilla="pqrs/emails/recordatorio_vencida").count() == 45


def _esperar_bloqueo(pid_propio: int, *, plazo: float = 30) -> int:
    """The pid of another backend waiting on a row lock (a bound on waiting, not a timing assertion)."""
    limite = time.monotonic() + plazo
    while time.monotonic() < limite:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> %s "
                "AND datname = current_database()",
                [pid_propio],
            )
            fila = cursor.fetchone()
        if fila:
            return fila[0]
        time.sleep(0.05)
    pytest.fail("el barrido nunca esperó el bloqueo de la fila")


@pytest.mark.servicios
@pytest.mark.django_db(transaction=True)
def test_respondida_entre_la_seleccion_y_el_envio_no_recibe_aviso():
    requiere_servicios(postgres=True)
    dependencia = DependenciaFactory(correo="infraestructura@alcaldia.test")
    responsable = FuncionarioFactory(dependencia=dependencia, email="responsable@alcaldia.test")
    solicitudes = []
    for _ in range(3):
        solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20), correo="", direccion="Calle 5 # 1-2")
        solicitudes.append(
            services.asignar(
                solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable
            )
        )
    respondida = solicitudes[1]
    bloqueada = threading.Event()
    barrido_espera = threading.Event()
    resultado = {}

    def clerk():
        # A clerk's transaction holds the row while the sweep has already selected it, then answers.
        with transaction.atomic():
            Solicitud.objects.select_for_update().get(pk=respondida.pk)
            bloqueada.set()
            assert barrido_espera.wait(timeout=30)
            # The clerk answers within the transaction that holds the row (the service joins it).
            services.responder.en_transaccion(
                solicitud=respondida, texto="Respondida a tiempo.", actor=responsable
            )

    def barrido():
        assert bloqueada.wait(timeout=30)
        resultado["resumen"] = recordatorios.barrer_todo(hoy=date(2026, 4, 14))

    with configurar_celery(task_always_eager=True):
        hilos = [threading.Thread(target=_con_conexion_propia(f)) for f in (clerk, barrido)]
        for hilo in hilos:
            hilo.start()
        assert bloqueada.wait(timeout=30)
        _esperar_bloqueo(_mi_pid())
        barrido_espera.set()
        for hilo in hilos:
            hilo.join(timeout=60)

    assert resultado["resumen"][TIPO_POR_VENCER].registrados == 2
    avisadas = set(Recordatorio.objects.filter(tipo=TIPO_POR_VENCER).values_list("objeto_id", flat=True))
    assert avisadas == {solicitudes[0].pk, solicitudes[2].pk}


@pytest.mark.servicios
@pytest.mark.django_db(transaction=True)
def test_un_barrido_interrumpido_a_mitad_se_completa_sin_duplicados():
    requiere_servicios(postgres=True)
    dependencia = DependenciaFactory(correo="infraestructura@alcaldia.test")
    responsable = FuncionarioFactory(dependencia=dependencia, email="responsable@alcaldia.test")
    solicitudes = []
    for _ in range(6):
        solicitud = SolicitudFactory(ahora=en_bogota(2026, 3, 20), correo="", direccion="Calle 5 # 1-2")
        solicitudes.append(
            services.asignar(
                solicitud=solicitud, dependencia=dependencia, responsable=responsable, actor=responsable
            )
        )
    hoy = date(2026, 4, 14)
    listo = threading.Event()
    soltar = threading.Event()
    errores: list[BaseException] = []

    def clerk():
        # Holds the fifth request, so the sweep commits its first two pages and then waits on the third.
        with transaction.atomic():
            Solicitud.objects.select_for_update().get(pk=solicitudes[4].pk)
            listo.set()
            assert soltar.wait(timeout=30)

    def barrido():
        assert listo.wait(timeout=30)
        try:
            recordatorios.barrer_todo(hoy=hoy, lote=2)
        except BaseException as error:
            errores.append(error)

    with configurar_celery(task_always_eager=True):
        hilos = [threading.Thread(target=_con_conexion_propia(f)) for f in (clerk, barrido)]
        for hilo in hilos:
            hilo.start()
        assert listo.wait(timeout=30)
        pid = _esperar_bloqueo(_mi_pid())
        # The worker dies mid-sweep: its connection goes away with the open page's transaction.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
        soltar.set()
        for hilo in hilos:
            hilo.join(timeout=60)

        assert len(errores) == 1  # the killed sweep failed
        # The committed pages stand; the interrupted page left nothing behind.
        assert Recordatorio.objects.filter(tipo=TIPO_POR_VENCER).count() == 4
        # The redelivered task (acks_late) runs the sweep again and finishes it.
        recordatorios.barrer_todo(hoy=hoy, lote=2)

    assert sorted(
        Recordatorio.objects.filter(tipo=TIPO_POR_VENCER).values_list("objeto_id", flat=True)
    ) == sorted(s.pk for s in solicitudes)
    assert Notificacion.objects.filter(plantilla="pqrs/emails/recordatorio_por_vencer").count() == 6


def _con_conexion_propia(funcion):
    def envuelta():
        try:
            funcion()
        finally:
            connection.close()

    return envuelta


def _mi_pid() -> int:
    connection.ensure_connection()
    return connection.connection.info.backend_pid


# --- art. 20: priority requests are reminded earlier and more often ---------------------------------


def test_una_prioritaria_se_recuerda_antes_y_cada_dia_vencida(barrer, asignada, dependencia, responsable):
    prioritaria = SolicitudFactory(ahora=en_bogota(2026, 3, 20), prioritaria=True)
    services.asignar(
        solicitud=prioritaria, dependencia=dependencia, responsable=responsable, actor=responsable
    )
    # Due Wed 15 Apr 2026; five business days before it: 8, 9, 10, 13, 14 Apr → Wed 8 Apr has 5 left.
    barrer(date(2026, 4, 8))
    assert claves(TIPO_POR_VENCER_PRIORITARIA, prioritaria) == ["5:2026-04-15"]
    assert claves(TIPO_POR_VENCER, asignada) == []  # an ordinary one waits for its 3 days
    barrer(date(2026, 4, 13))  # 2 left
    assert claves(TIPO_POR_VENCER_PRIORITARIA, prioritaria) == ["2:2026-04-15", "5:2026-04-15"]
    # Overdue: Thu 16 and Fri 17 Apr each get one (every business day), Sat 18 none.
    barrer(date(2026, 4, 16))
    barrer(date(2026, 4, 17))
    barrer(date(2026, 4, 18))
    assert claves(TIPO_VENCIDA_PRIORITARIA, prioritaria) == ["2026-04-15:0", "2026-04-15:1"]
    assert claves(TIPO_VENCIDA, asignada) == ["2026-04-15:0"]
    assert claves(TIPO_VENCIDA, prioritaria) == []

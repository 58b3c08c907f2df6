"""Demo of the dialogue and the plan for `make run`, through the services where they exist:

- last year's audiencia pública (held): questions answered and published, one merged, one not published
  with its reason (and answered in writing), its memorias, evaluations, and improvement actions in every
  state (one overdue by itself);
- this year's audiencia, upcoming, receiving topics and questions (one pending in moderation);
- the plan de desarrollo's goals and milestones, loaded with the CSV import (the same path staff use).

Audiencias and improvement actions have no filing service: staff create them in the admin form, so the
demo creates them as that form does.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from civic import calendario, hojas
from civic.models import Dependencia
from rendicion.importacion import COLUMNAS_AVANCES
from rendicion.models import AccionMejora, Audiencia, Informe, MetaPlan
from rendicion.services import audiencias, metas, preguntas

ANONIMA = {"anonima": True}


def _momento(dia: date, hora: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(dia, time(hora)))


def _ciudadano(nombres: str, apellidos: str, documento: str) -> dict:
    correo = f"{nombres.split()[0].lower()}.{apellidos.split()[0].lower()}@correo.invalid"
    return {
        "anonima": False,
        "tipo_documento": "CC",
        "numero_documento": documento,
        "nombres": nombres,
        "apellidos": apellidos,
        "correo": correo,
        "canal_respuesta": "correo_electronico",
        "autorizacion_datos_version": "2026-01",
    }


# (question, who asks, answer or None, how it is moderated: "publicar" | "rechazar:<motivo>" | "fusionar")
PREGUNTAS_PASADA = [
    (
        "¿Cuándo se terminan las obras de la vía a la ladera en la comuna 20?",
        _ciudadano("Rosa Elena", "Cuero Angulo", "31999101"),
        "La Secretaría de Infraestructura proyecta terminar el tramo pendiente en el segundo semestre; el "
        "avance se publica en la meta 2.1 del plan de desarrollo.",
        "publicar",
    ),
    (
        "¿Cuántas juntas de acción comunal recibieron capacitación en la Ley 2166?",
        ANONIMA,
        "Durante el año se capacitaron las juntas de las comunas 3, 15, 18 y 20; las cifras están en el "
        "informe de gestión, sección Organizaciones comunales.",
        "publicar",
    ),
    (
        "¿Qué pasa con las obras de la vía de la comuna 20? No avanzan.",
        _ciudadano("Jairo", "Mina Carabalí", "16888202"),
        None,
        "fusionar",
    ),
    (
        "Quiero denunciar a mi vecino por el ruido de su negocio.",
        _ciudadano("Luz Dary", "Ortiz Gómez", "29777303"),
        "Su inquietud no es tema de la rendición de cuentas: la remitimos como queja a la Secretaría de "
        "Seguridad y Justicia, que le responderá en los términos de la Ley 1755 de 2015.",
        "rechazar:Trata un caso particular entre vecinos, no la gestión que se rinde; "
        "se responde por escrito.",
    ),
]


def audiencia_pasada(actor, hoy: date) -> Audiencia:
    dia = date(hoy.year - 1, 11, 20)
    audiencia = Audiencia.objects.create(
        titulo=f"Audiencia pública de rendición de cuentas {hoy.year - 1}",
        fecha=_momento(dia, 9),
        lugar="Recinto del Concejo Municipal de Santiago de Cali",
        transmision="https://www.youtube.com/@AlcaldiadeCali",
        convocatoria=(
            "La Alcaldía invita a la ciudadanía, a las organizaciones comunales y a los consejos de "
            "participación a la audiencia pública en la que presenta su informe de gestión del año."
        ),
        recibe_preguntas_hasta=_momento(dia, 12),
        memorias=(
            "## Desarrollo\n\nEl alcalde presentó el informe de gestión; las secretarías respondieron las "
            "preguntas publicadas. Asistieron 240 personas y 1.150 siguieron la transmisión.\n\n"
            "## Compromisos\n\nPublicar el avance de las obras viales por comuna y abrir mesas de trabajo "
            "con las JAL."
        ),
    )
    audiencia.informes.set(Informe.objects.filter(estado="publicado")[:2])
    audiencias.proponer_tema(
        audiencia=audiencia,
        texto="Movilidad en la ladera de la comuna 20",
        ahora=_momento(dia - timedelta(days=12)),
    )
    audiencias.moderar_temas(propuestas=audiencia.propuestas.all(), publicada=True, actor=actor)
    # Moderated first (a merge needs its target still published), answered a week after the event.
    principal, por_responder = None, []
    for texto, quien, respuesta, moderacion in PREGUNTAS_PASADA:
        pregunta, _codigo = preguntas.radicar(
            audiencia=audiencia, texto=texto, peticionario=quien, ahora=_momento(dia - timedelta(days=5))
        )
        if moderacion == "publicar":
            preguntas.publicar(pregunta=pregunta, actor=actor)
            principal = principal or pregunta
        elif moderacion == "fusionar":
            preguntas.fusionar(pregunta=pregunta, en=principal, actor=actor)
        else:
            preguntas.rechazar(pregunta=pregunta, motivo=moderacion.split(":", 1)[1], actor=actor)
        if respuesta:
            por_responder.append((pregunta, respuesta))
    for pregunta, respuesta in por_responder:
        preguntas.responder(
            pregunta=pregunta, respuesta=respuesta, actor=actor, ahora=_momento(dia + timedelta(days=7))
        )
    for notas in ((5, 4, 5), (4, 4, 3), (3, 2, 4), (5, 5, 5), (4, 3, 4)):
        audiencias.evaluar(
            audiencia=audiencia,
            informacion_clara=notas[0],
            preguntas_atendidas=notas[1],
            organizacion=notas[2],
            ahora=_momento(dia, 12),
        )
    _acciones(audiencia, actor, dia, hoy)
    return audiencia


def _acciones(audiencia: Audiencia, actor, dia: date, hoy: date) -> None:
    dependencias = {d.sigla: d for d in Dependencia.objects.filter(sigla__in=["SINF", "SDTPC", "DAP"])}
    acciones = [
        (
            "Publicar el avance de las obras viales por comuna en el portal.",
            "SINF",
            dia + timedelta(days=60),
            "cumplir",
        ),
        (
            "Abrir mesas de trabajo con las juntas administradoras locales.",
            "SDTPC",
            hoy + timedelta(days=45),
            "iniciar",
        ),
        # Overdue by itself: still pending after its date.
        (
            "Traducir el informe de gestión a lenguaje claro.",
            "DAP",
            calendario.sumar_dias_habiles(dia, 30),
            "",
        ),
        (
            "Transmitir las audiencias con interpretación en lengua de señas.",
            "SDTPC",
            hoy + timedelta(days=90),
            "",
        ),
    ]
    for descripcion, sigla, vence, paso in acciones:
        accion = AccionMejora.objects.create(
            audiencia=audiencia,
            descripcion=descripcion,
            dependencia=dependencias[sigla],
            fecha_vencimiento=vence,
        )
        if paso == "cumplir":
            audiencias.cumplir(accion=accion, nota="Publicado en la página de metas del plan.", actor=actor)
        elif paso == "iniciar":
            audiencias.iniciar(accion=accion, nota="Convocadas las JAL de las comunas 15 y 18.", actor=actor)


def audiencia_proxima(hoy: date) -> Audiencia:
    dia = calendario.sumar_dias_habiles(hoy, 20)
    audiencia = Audiencia.objects.create(
        titulo=f"Audiencia pública de rendición de cuentas {dia.year}",
        fecha=_momento(dia, 9),
        lugar="Centro Cultural de Cali",
        convocatoria=(
            "Proponga los temas que quiere escuchar y envíe sus preguntas antes de la audiencia: se "
            "responden por escrito en 15 días hábiles y se publican en esta página."
        ),
        recibe_preguntas_hasta=_momento(dia, 12),
    )
    audiencias.proponer_tema(audiencia=audiencia, texto="Seguridad en los parques de la comuna 15")
    preguntas.radicar(
        audiencia=audiencia,
        texto="¿Qué avance tiene la meta de vivienda para familias en zona de riesgo?",
        peticionario=_ciudadano("Maritza", "Valencia Riascos", "66555404"),
    )
    return audiencia


# The plan as staff would upload it: the export's columns (rendicion.importacion), one goal per line.
METAS_CSV = """codigo,nombre,padre,peso,linea_base,meta_cuatrienio,unidad,dependencia,comuna,estado
1,Cali participa,,1,0,100,%,SDTPC,,En ejecución
1.1,Juntas de acción comunal con dignatarios inscritos para el periodo,1,2,0,350,juntas,SDTPC,,En ejecución
1.2,Consejos comunitarios de gobierno realizados,1,1,0,88,sesiones,SDTPC,,En ejecución
1.3,Audiencias públicas de rendición de cuentas,1,1,0,8,audiencias,DAP,,En ejecución
2,Movilidad en la ladera,,1,0,100,%,SINF,20,En ejecución
2.1,Kilómetros de vía rehabilitados en la comuna 20,2,1,0,12,km,SINF,20,En ejecución
2.2,Rutas alimentadoras del MIO a la ladera,2,1,1,4,rutas,SMOV,20,Sin iniciar
"""
# (code, days ago, value, description, days until public: None = public on its date)
AVANCES = [
    ("1.1", 300, "120", "Inscripciones de 2026 tras las elecciones de abril.", None),
    ("1.1", 30, "214", "Inscripciones aprobadas al corte.", None),
    ("1.2", 120, "31", "Jornadas de Gobierno en las comunas del año.", None),
    ("1.3", 120, "3", "Audiencias realizadas en el cuatrienio.", None),
    ("2.1", 120, "4.5", "Tramos de la vía a Los Chorros y Siloé.", None),
    # Not public yet: its publication date has not come.
    ("2.1", 30, "6", "Tramo de Brisas de Mayo, en verificación.", 15),
]


def plan(hoy: date) -> int:
    """The plan's goals and milestones, through the CSV import (all or nothing)."""
    _importar(METAS_CSV.encode(), metas.METAS)
    filas = []
    for codigo, hace, valor, descripcion, publica_en in AVANCES:
        fecha = hoy - timedelta(days=hace)
        filas.append(
            (codigo, fecha, valor, descripcion, "", hoy + timedelta(days=publica_en) if publica_en else fecha)
        )
    # Written as the export writes it (civic.hojas), so texts with commas are quoted.
    _importar("".join(hojas.lineas(COLUMNAS_AVANCES, filas)).encode(), metas.AVANCES)
    return MetaPlan.objects.count()


def _importar(contenido: bytes, tipo: str) -> None:
    # The demo's own file: a refusal is a bug in it, said loudly rather than loading half a plan.
    informe = metas.importar(contenido=contenido, tipo=tipo)
    if not informe.importado:
        raise RuntimeError(f"La demostración del plan no importó: {informe.errores}")


def cargar(actor, stdout) -> None:
    hoy = timezone.localdate()
    pasada = audiencia_pasada(actor, hoy)
    audiencia_proxima(hoy)
    total = plan(hoy)
    stdout.write(
        f"Audiencias de demostración: «{pasada}» con sus preguntas, respuestas, evaluación y acciones de "
        f"mejora, y la próxima recibiendo preguntas; {total} metas del plan con sus avances."
    )

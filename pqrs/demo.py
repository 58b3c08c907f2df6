"""Demo requests for `make run`: a realistic queue in every state and traffic light, filed and handled
through the services (so every request has its events, terms and mail), dated back from today.

Registered from `pqrs.apps` with `civic.services.demo.registrar_carga`; runs only once (skipped when the
portal already has requests) and only where `cargar_demo` runs, which refuses to without DEBUG.
"""

import random
from datetime import datetime, time, timedelta

from django.test import override_settings
from django.utils import timezone

from civic import calendario
from civic.models import Comuna, Dependencia, Usuario
from civic.sitio.politica import POLITICA_DATOS_VERSION
from pqrs import services
from pqrs.models import Canal, Entidad, MateriaReservada, Modalidad, SentidoRespuesta, Solicitud
from pqrs.services import silencio

ASUNTOS = [
    ("peticion-interes-general", "Reparación de la malla vial de la carrera 28 con calle 72"),
    ("queja", "Demora en la atención del CALI de la comuna 15"),
    ("reclamo", "Luminarias apagadas en el parque del barrio Los Mangos"),
    ("peticion-documentos", "Copia del acta de la junta de acción comunal de 2025"),
    ("sugerencia", "Horario extendido de la biblioteca del barrio El Poblado"),
    ("denuncia", "Ocupación del espacio público en la avenida Ciudad de Cali"),
    ("peticion-interes-particular", "Revisión del avalúo catastral de mi predio"),
    ("acceso-informacion-publica", "Contratos de mantenimiento de zonas verdes de 2026"),
    ("consulta", "Requisitos para conformar una mesa de concertación de vendedores"),
    ("peticion-interes-general", "Poda de árboles en riesgo de caída en el barrio San Antonio"),
    ("reclamo", "Cobro del impuesto predial ya pagado"),
    ("peticion-interes-general", "Semáforo dañado en la calle 5 con carrera 39"),
]
NOMBRES = ["Luz Marina", "Jhon Fredy", "María Fernanda", "Carlos Andrés", "Yolanda", "Diego Alejandro"]
APELLIDOS = ["Rentería", "Mosquera", "Caicedo", "Valencia", "Ospina", "Zúñiga", "Angulo", "Riascos"]
# Calendar days back from today, and what happened since; spread so every traffic light shows.
GUION = [
    (1, "radicada"), (2, "radicada"), (6, "radicada"), (8, "radicada"),
    (3, "asignada"), (9, "asignada"), (14, "asignada"), (17, "asignada"), (19, "asignada"),
    (20, "asignada"), (24, "asignada"), (26, "asignada"), (30, "asignada"),
    (12, "en_espera"), (16, "en_espera"),
    (18, "respondida"), (22, "respondida"), (28, "cerrada"),
    (4, "trasladada"), (25, "archivada"), (2, "prioritaria"), (21, "prioritaria"),
    (10, "por_corregir"), (23, "reposicion"), (27, "insistencia"),
]  # fmt: skip
# Insistence (art. 26) follows a denial of information under reserve: those rows are information requests.
MODALIDAD_POR_DESTINO = {"insistencia": "acceso-informacion-publica"}


# The catalogue of other authorities (art. 21 remissions, art. 26 insistences), with addresses that reach
# no one: each installation enters the real ones.
ENTIDADES = [
    ("Gobernación del Valle del Cauca", Entidad.Tipo.ENTIDAD, "radicacion@gobernacion.example.gov.co"),
    ("Empresas Municipales de Cali (EMCALI)", Entidad.Tipo.ENTIDAD, "pqr@emcali.example.gov.co"),
    ("Policía Metropolitana de Santiago de Cali", Entidad.Tipo.ENTIDAD, "mecal@policia.example.gov.co"),
    (
        "Tribunal Administrativo del Valle del Cauca",
        Entidad.Tipo.TRIBUNAL,
        "secretaria@tribunal.example.gov.co",
    ),
]


def _entidades() -> list[Entidad]:
    return [
        Entidad.objects.get_or_create(nombre=nombre, defaults={"tipo": tipo, "correo": correo})[0]
        for nombre, tipo, correo in ENTIDADES
    ]


def cargar(stdout) -> None:
    if Solicitud.objects.exists():
        stdout.write("PQRS de demostración: ya hay solicitudes, no se cargan más.")
        return
    rng = random.Random(2026)
    usuarios = {u.username: u for u in Usuario.objects.filter(username__in=["ventanilla", "funcionario"])}
    coordinacion = Usuario.objects.get(username="coordinacion")
    infraestructura = Dependencia.objects.get(sigla="SINF")
    otras = list(Dependencia.objects.exclude(sigla="SINF").order_by("sigla"))
    comunas = list(Comuna.objects.order_by("tipo", "numero"))
    modalidades = {m.codigo: m for m in Modalidad.objects.all()}
    entidades = _entidades()
    hoy = timezone.localdate()
    # The demo's mail goes nowhere: `make run` prints e-mail to the console, and 60 of them would bury it.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for n, (dias, destino) in enumerate(GUION):
            codigo, asunto = ASUNTOS[n % len(ASUNTOS)]
            codigo = MODALIDAD_POR_DESTINO.get(destino, codigo)
            radicada_el = hoy - timedelta(days=dias)
            ahora = timezone.make_aware(datetime.combine(radicada_el, time(9 + n % 8, 15)))
            verbal = n % 5 == 0
            solicitud, _codigo = services.radicar(
                modalidad=modalidades[codigo],
                canal=Canal.PRESENCIAL if verbal else Canal.WEB,
                asunto=asunto,
                descripcion=f"{asunto}. Solicito que la Alcaldía atienda este caso a la mayor brevedad.",
                tipo_documento="CC",
                numero_documento=str(rng.randint(10_000_000, 1_199_999_999)),
                nombres=rng.choice(NOMBRES),
                apellidos=f"{rng.choice(APELLIDOS)} {rng.choice(APELLIDOS)}",
                correo=f"ciudadano{n + 1}@correo.example",
                comuna=rng.choice(comunas) if comunas else None,
                autorizacion_datos_version=POLITICA_DATOS_VERSION,
                prioritaria=destino == "prioritaria",
                actor=usuarios.get("ventanilla") if verbal else None,
                ahora=ahora,
            )
            if destino == "radicada":
                continue
            if destino == "trasladada":
                services.trasladar(
                    solicitud=solicitud,
                    entidad=entidades[0],
                    oficio="Remitimos la petición por ser de competencia departamental.",
                    actor=coordinacion,
                    hoy=solicitud.fecha_radicacion_efectiva,
                )
                continue
            propia = n % 2 == 0
            services.asignar(
                solicitud=solicitud,
                dependencia=infraestructura if propia else otras[n % len(otras)],
                responsable=usuarios.get("funcionario") if propia else None,
                actor=coordinacion,
            )
            _tramitar(solicitud, destino, coordinacion)
        # Art. 14 num. 1: information requests left unanswered past their term count as granted.
        silencio.barrer_silencios()
    stdout.write(f"PQRS de demostración: {len(GUION)} solicitudes en todos los estados y semáforos.")


def _tramitar(solicitud: Solicitud, destino: str, coordinacion: Usuario) -> None:
    """What happened to an assigned demo request, through the services, dated from its radicación."""
    radicada = solicitud.fecha_radicacion_efectiva
    if destino == "en_espera":
        services.solicitar_informacion(
            solicitud=solicitud,
            requerimiento="Indique la dirección exacta o un punto de referencia del lugar.",
            actor=coordinacion,
            hoy=calendario.sumar_dias_habiles(radicada, 2),
        )
    elif destino in {"respondida", "cerrada"}:
        # Published (CPACA art. 69), so the demo does not hang on mail delivery, which would notify (and
        # close) an e-mailed answer by itself.
        services.responder(
            solicitud=solicitud,
            texto="La dependencia programó la visita técnica y atenderá el caso en los próximos días.",
            publicar=True,
            actor=coordinacion,
        )
        if destino == "cerrada":
            services.registrar_notificacion(
                solicitud=solicitud,
                medio="personal",
                prueba="El peticionario firmó el recibido en la ventanilla.",
                actor=coordinacion,
            )
    elif destino in {"por_corregir", "archivada"}:
        devuelta = calendario.sumar_dias_habiles(radicada, 2)
        services.devolver_para_corregir(
            solicitud=solicitud,
            que_corregir="No es claro qué solicita: indique qué necesita y en qué lugar.",
            actor=coordinacion,
            hoy=devuelta,
        )
        if destino == "archivada":
            services.archivar(
                solicitud=solicitud,
                motivo="La petición oscura no se corrigió en el plazo (Ley 1755 de 2015, art. 19).",
                actor=coordinacion,
                hoy=calendario.sumar_dias_habiles(solicitud.fecha_limite_ciudadano, 1),
            )
    elif destino == "reposicion":
        services.rechazar(
            solicitud=solicitud, motivo="La petición usa lenguaje irrespetuoso.", actor=coordinacion
        )
        services.interponer_reposicion(
            solicitud=solicitud, texto="No fue mi intención ofender; pido que la estudien."
        )
    elif destino == "insistencia":
        services.responder(
            solicitud=solicitud,
            texto="La información pedida está reservada.",
            sentido=SentidoRespuesta.NIEGA,
            materia_reservada=MateriaReservada.objects.filter(activa=True).first(),
            publicar=True,
            actor=coordinacion,
        )
        services.insistir(solicitud=solicitud, texto="Insisto: la información es pública.")

"""Demo consejos for `make run`: the seed report's activities of the first half of 2004 as real records,
and current sessions with commitments in every state — all through the services, dated as they happened.

The 2004 part is the Asesoría Social's report to the council (Rendición de cuentas, 18 May 2004), so
that `rendicion` can rebuild it from the records:

- "Gobierno en las comunas" is ONE municipal instancia (a programme of the Alcalde's office that toured
  the city), with one session per working day held in its comuna: 18 days, comuna 19 twice and one in
  the rural zone (corregimiento de Montebello). "Sessions per instancia type in the period, and the
  comunas covered" is then a count of sessions and of their `comuna`. Each day has its head count, the
  registered organizations of the comuna that were there (when the organizaciones demo loaded them and
  they were recognized by then), topics, and one commitment (closed in 2004).
- The Consejo Municipal de Política Social with its sectors and its two meetings; its Comité Técnico and
  its one operational meeting; the community-relations encounters (population with disability, ethnic
  groups, vivienda, transporte masivo, seguridad) as sessions of one `encuentro_comunitario` instancia;
  three temporary mesas de concertación (comuneros, jueces de paz, vendedores ambulantes) with their
  start and end; the three follow-up meetings of the social secretarías; the SENA encounter (an `otro`
  instancia with one session); the olla comunitaria is an agenda item and a commitment of the comuna 21
  day. Every acta is published. Members of 2004 are roles, not people (nobody's name is invented for a
  real office).

The current part (dated back and forward from today) is a Consejo Comunitario de Gobierno of comuna 5 and
the Consejo de Política Social of today's term: commitments pending, in progress (with evidence),
fulfilled, cancelled and overdue (pending past its due date), a commitment reviewed in a later session,
a corrected acta (two versions), an approved unpublished acta, a draft, upcoming sessions for the
calendar, a cancelled one, and confirmed subscriptions.

Registered from `consejos.apps` with `civic.services.demo.registrar_carga`; runs once (skipped when
there are instancias) and only where `cargar_demo` runs (DEBUG).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from civic import calendario
from civic.models import Comuna, Dependencia, Usuario
from civic.sitio.politica import POLITICA_DATOS_VERSION
from consejos.models import (
    Acta,
    Asistencia,
    Compromiso,
    Decision,
    GrupoPoblacional,
    Instancia,
    Integrante,
    Invitado,
    PuntoAgenda,
    RolIntegrante,
    Sector,
    Sesion,
    Tema,
    TipoInstancia,
    TipoSesion,
    VersionActa,
)
from consejos.services import actas, compromisos, sesiones, suscripciones
from organizaciones.models import Organizacion, TipoOrganizacion

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ASESORIA = "Asesoría Social del Despacho del Alcalde"
# The Alcalde's term of 2004 (seats of 2004 end with it) and today's (2024-2027).
TERMINO_2004 = (date(2004, 1, 1), date(2007, 12, 31))
TERMINO_ACTUAL = (date(2024, 1, 1), date(2027, 12, 31))
RURAL = "Montebello"

P, ST, M, IP = (
    RolIntegrante.PRESIDE,
    RolIntegrante.SECRETARIA_TECNICA,
    RolIntegrante.MIEMBRO,
    RolIntegrante.INVITADO_PERMANENTE,
)


@dataclass
class Jornada:
    """One "Gobierno en las comunas" day of 2004."""

    dia: date
    comuna: int | None  # None: the rural zone (corregimiento de Montebello)
    lugar: str
    asistentes: int
    temas: list[str]
    intervenciones: str
    compromiso: str
    dependencia: str  # sigla of the responsible dependencia


# The 18 days of the report, in its order: comunas 5, 14, 1, 15, 20, 19, 13, 21, 2, 4, 12, 10, 19, 16,
# 11, 7, 6 and one in the rural zone, all before the report of 18 May 2004.
JORNADAS = [
    Jornada(
        date(2004, 1, 17),
        5,
        "Polideportivo de Chiminangos",
        420,
        ["Seguridad", "Vías y movilidad"],
        "Los líderes de Chiminangos y Los Guayacanes pidieron más presencia de la Policía en los parques "
        "y la pavimentación de la Carrera 1C; la JAL presentó el inventario de vías sin pavimentar.",
        "Presentar el plan de pavimentación de la Carrera 1C entre las calles 70 y 73.",
        "SINF",
    ),
    Jornada(
        date(2004, 1, 24),
        14,
        "Institución Educativa de Manuela Beltrán",
        530,
        ["Educación", "Seguridad"],
        "La comunidad de Manuela Beltrán y Marroquín expuso la falta de cupos escolares y la situación de "
        "las pandillas juveniles; las madres comunitarias pidieron apoyo a los hogares infantiles.",
        "Revisar la asignación de cupos escolares de 2004 en la comuna 14.",
        "SEM",
    ),
    Jornada(
        date(2004, 1, 31),
        1,
        "Caseta comunal de Terrón Colorado",
        260,
        ["Servicios públicos", "Medio ambiente"],
        "Los habitantes de Terrón Colorado y Vista Hermosa plantearon el desabastecimiento de agua en la "
        "parte alta y el riesgo de deslizamientos en las laderas.",
        "Visitar las laderas en riesgo de Terrón Colorado y entregar un informe a la JAL.",
        "DAGMA",
    ),
    Jornada(
        date(2004, 2, 7),
        15,
        "Polideportivo de Mojica",
        480,
        ["Seguridad", "Vivienda"],
        "Los líderes de El Retiro, Comuneros I y Mojica pidieron la legalización de predios y más "
        "patrullaje nocturno; se explicó el proyecto de vivienda de interés social.",
        "Iniciar el censo de predios por legalizar en El Retiro y Mojica.",
        "SVSH",
    ),
    Jornada(
        date(2004, 2, 14),
        20,
        "Sede comunal de Siloé",
        390,
        ["Vías y movilidad", "Seguridad"],
        "La comunidad de Siloé, Belén y Tierra Blanca pidió escaleras y andenes en la ladera y mejor "
        "transporte hacia el centro; los jóvenes propusieron una escuela de música.",
        "Construir la escalera peatonal del sector La Estrella en Siloé.",
        "SINF",
    ),
    Jornada(
        date(2004, 2, 21),
        19,
        "Sede comunal de El Lido",
        210,
        ["Espacio público", "Transporte masivo"],
        "Los vecinos de El Lido y Tequendama preguntaron por el trazado del sistema de transporte masivo "
        "por la Calle 5 y pidieron recuperar los andenes ocupados.",
        "Socializar con la comuna 19 el trazado del transporte masivo por la Calle 5.",
        "DAP",
    ),
    Jornada(
        date(2004, 2, 28),
        13,
        "Sede comunal de El Poblado I",
        450,
        ["Salud", "Medio ambiente"],
        "La comunidad de El Poblado y Charco Azul denunció los malos olores de la laguna de Charco Azul y "
        "pidió horario extendido en el puesto de salud.",
        "Ampliar el horario del puesto de salud de El Poblado hasta las ocho de la noche.",
        "SSP",
    ),
    Jornada(
        date(2004, 3, 6),
        21,
        "Sede comunal de Desepaz",
        610,
        ["Vivienda", "Seguridad alimentaria"],
        "Las familias de Desepaz pidieron terminar las viviendas de interés social y apoyar la olla "
        "comunitaria del sector Calimio; el Alcalde visitó la olla comunitaria seleccionada.",
        "Apoyar con mercados y utensilios la olla comunitaria de Calimio Desepaz.",
        "SBS",
    ),
    Jornada(
        date(2004, 3, 13),
        2,
        "Salón comunal de Santa Mónica Residencial",
        180,
        ["Espacio público", "Seguridad"],
        "Los residentes de Santa Mónica y Versalles pidieron control a los establecimientos nocturnos y a "
        "la ocupación del espacio público en la Avenida Sexta.",
        "Realizar un operativo de control de establecimientos nocturnos en la Avenida Sexta.",
        "SSJ",
    ),
    Jornada(
        date(2004, 3, 20),
        4,
        "Salón comunal del barrio Popular",
        240,
        ["Vías y movilidad", "Servicios públicos"],
        "La comunidad del Popular y Manzanares pidió el arreglo del puente peatonal sobre el río Cali y el "
        "alumbrado de la Calle 44.",
        "Inspeccionar el puente peatonal sobre el río Cali en el barrio Popular.",
        "SINF",
    ),
    Jornada(
        date(2004, 3, 27),
        12,
        "Salón comunal de Doce de Octubre",
        330,
        ["Cultura y deporte", "Seguridad"],
        "Los jóvenes de Doce de Octubre y Nueva Floresta pidieron la adecuación de la cancha y programas "
        "deportivos en la noche.",
        "Adecuar la iluminación de la cancha de Doce de Octubre.",
        "SDR",
    ),
    Jornada(
        date(2004, 4, 3),
        10,
        "Polideportivo de El Dorado",
        290,
        ["Salud", "Seguridad alimentaria"],
        "Los grupos de adultos mayores de El Dorado y Guayaquil pidieron continuidad del programa de "
        "complementación alimentaria y atención prioritaria en salud.",
        "Incluir los grupos de adultos mayores de la comuna 10 en la complementación alimentaria.",
        "SBS",
    ),
    Jornada(
        date(2004, 4, 17),
        19,
        "Sede comunal de Cuarto de Legua",
        170,
        ["Seguridad", "Vivienda"],
        "Segunda jornada en la comuna 19: la comunidad de Cuarto de Legua y Champagnat habló de los "
        "asentamientos de la ladera y de la seguridad en el parque.",
        "Visitar los asentamientos de la ladera de Cuarto de Legua.",
        "SVSH",
    ),
    Jornada(
        date(2004, 4, 24),
        16,
        "Polideportivo de Mariano Ramos",
        470,
        ["Seguridad", "Empleo y emprendimiento"],
        "Los líderes de Mariano Ramos y República de Israel pidieron programas de empleo para jóvenes y el "
        "cierre de los expendios de droga.",
        "Abrir en la comuna 16 inscripciones a cursos de formación para el empleo.",
        "SBS",
    ),
    Jornada(
        date(2004, 4, 29),
        11,
        "Sede comunal de Aguablanca",
        350,
        ["Salud", "Espacio público"],
        "La comunidad de Aguablanca y San Carlos pidió el control de roedores en el canal y la "
        "recuperación del parque principal.",
        "Hacer una jornada de control de roedores en el canal de Aguablanca.",
        "SSP",
    ),
    Jornada(
        date(2004, 5, 8),
        7,
        "Sede comunal de Alfonso López",
        300,
        ["Medio ambiente", "Vivienda"],
        "Los habitantes de Alfonso López y Puerto Nuevo expusieron el riesgo del jarillón del río Cauca y "
        "pidieron la reubicación de las familias de la orilla.",
        "Presentar el censo de las familias asentadas sobre el jarillón del río Cauca.",
        "SVSH",
    ),
    Jornada(
        date(2004, 5, 13),
        6,
        "Polideportivo de Floralia",
        400,
        ["Transporte masivo", "Vías y movilidad"],
        "La comunidad de Floralia y Petecuy pidió rutas de transporte hacia el centro y la pavimentación "
        "de la Calle 73.",
        "Estudiar la ampliación de las rutas de transporte público hacia Floralia.",
        "SMOV",
    ),
    Jornada(
        date(2004, 5, 15),
        None,
        "Escuela de Montebello",
        150,
        ["Servicios públicos", "Educación"],
        "La comunidad del corregimiento de Montebello pidió mejorar el acueducto veredal y transporte "
        "escolar para los niños de las veredas.",
        "Apoyar el mejoramiento del acueducto veredal de Montebello.",
        "DAGMA",
    ),
]

# The Alcalde's cabinet at the days (roles of 2004, not people).
GABINETE_2004 = [
    ("Alcalde de Santiago de Cali", "", P, Sector.ADMINISTRACION),
    (ASESORIA, "Asesora social", ST, Sector.ADMINISTRACION),
    ("Secretaría de Gobierno, Convivencia y Seguridad", "Secretario de despacho", M, Sector.ADMINISTRACION),
    (
        "Secretaría de Bienestar Social y Gestión Comunitaria",
        "Secretaria de despacho",
        M,
        Sector.ADMINISTRACION,
    ),
    ("Secretaría de Salud Pública Municipal", "Secretario de despacho", M, Sector.ADMINISTRACION),
    ("Secretaría de Educación Municipal", "Secretaria de despacho", M, Sector.ADMINISTRACION),
    ("Secretaría de Infraestructura Vial y Valorización", "Secretario de despacho", M, Sector.ADMINISTRACION),
    ("Departamento Administrativo de Planeación Municipal", "Director", M, Sector.ADMINISTRACION),
]

# The Consejo Municipal de Política Social as installed in 2004: the sectors of the report.
CMPS_2004 = [
    ("Alcalde de Santiago de Cali", "", P, Sector.ADMINISTRACION, ""),
    (ASESORIA, "Asesora social", ST, Sector.ADMINISTRACION, ""),
    ("Delegado de la Universidad del Valle", "", M, Sector.ACADEMIA, "Universidad del Valle"),
    ("Delegada de las universidades privadas", "", M, Sector.ACADEMIA, "Universidades privadas de Cali"),
    (
        "Delegado de la Arquidiócesis de Cali",
        "",
        M,
        Sector.IGLESIA,
        "Pastoral Social – Arquidiócesis de Cali",
    ),
    (
        "Personero delegado para los derechos humanos",
        "",
        M,
        Sector.PERSONERIA,
        "Personería Municipal de Cali",
    ),
    (
        "Coordinadora de la Red de Solidaridad Social",
        "",
        M,
        Sector.RED_SOLIDARIDAD,
        "Red de Solidaridad Social, Valle",
    ),
    ("Delegado de los gremios", "", M, Sector.EMPRESARIAL, "Cámara de Comercio de Cali"),
    ("Delegada de las ONG sociales", "", M, Sector.ONG, "Federación de ONG del Valle del Cauca"),
    (
        "Secretaría de Bienestar Social y Gestión Comunitaria",
        "Secretaria de despacho",
        M,
        Sector.ADMINISTRACION,
        "",
    ),
    ("Secretaría de Salud Pública Municipal", "Secretario de despacho", M, Sector.ADMINISTRACION, ""),
    ("Secretaría de Educación Municipal", "Secretaria de despacho", M, Sector.ADMINISTRACION, ""),
    ("Centro Zonal del ICBF", "Coordinadora", IP, Sector.OTRO, "Instituto Colombiano de Bienestar Familiar"),
]

SECRETARIAS_SOCIALES_2004 = [
    (ASESORIA, "Asesora social", P, Sector.ADMINISTRACION),
    ("Secretaría de Bienestar Social y Gestión Comunitaria", "Delegada", ST, Sector.ADMINISTRACION),
    ("Secretaría de Salud Pública Municipal", "Delegado", M, Sector.ADMINISTRACION),
    ("Secretaría de Educación Municipal", "Delegada", M, Sector.ADMINISTRACION),
    ("Secretaría de Cultura y Turismo", "Delegado", M, Sector.ADMINISTRACION),
    ("Secretaría del Deporte y la Recreación", "Delegado", M, Sector.ADMINISTRACION),
    ("Departamento Administrativo de Planeación Municipal", "Delegada", M, Sector.ADMINISTRACION),
]


@dataclass
class Reunion:
    """A held session of the demo: its agenda (title, development), decisions (text, votes) and more."""

    dia: date
    lugar: str
    puntos: list[tuple[str, str]]
    comuna: int | str | None = None  # a comuna's number, a corregimiento's name, or None (municipal)
    hora: int = 9
    temas: list[str] = field(default_factory=list)
    grupos: list[str] = field(default_factory=list)
    asistentes: int = 0
    decisiones: list[tuple[str, tuple[int, int, int] | None]] = field(default_factory=list)
    invitados: list[tuple[str, str, str, str, bool]] = field(default_factory=list)
    excusados: tuple[int, ...] = ()  # indexes of members who excused themselves
    ausentes: tuple[int, ...] = ()
    tipo: str = TipoSesion.ORDINARIA
    proxima: str = ""


class _Demo:
    def __init__(self):
        self.hoy = timezone.localdate()
        self.actor = (
            Usuario.objects.filter(username="consejos").first()
            or Usuario.objects.filter(is_superuser=True).order_by("pk").first()
        )
        self.comunas = {c.numero: c for c in Comuna.objects.filter(tipo=Comuna.Tipo.COMUNA)}
        self.corregimientos = {c.nombre: c for c in Comuna.objects.filter(tipo=Comuna.Tipo.CORREGIMIENTO)}
        self.dependencias = {d.sigla: d for d in Dependencia.objects.all()}
        self.temas = {t.nombre: t for t in Tema.objects.all()}
        self.grupos = {g.nombre: g for g in GrupoPoblacional.objects.all()}
        self.pdf = 0

    # Dates ------------------------------------------------------------------------------------------

    def momento(self, dia: date, hora: int = 9, minuto: int = 0) -> datetime:
        return timezone.make_aware(datetime.combine(dia, time(hora, minuto)))

    def habil(self, dia: date, mas: int = 0) -> date:
        """`mas` business days after `dia` (or `dia` itself moved to a business day)."""
        return calendario.sumar_dias_habiles(dia, mas) if mas else calendario.habil_o_siguiente(dia)

    def atras(self, dias: int) -> date:
        """The business day on or after today minus `dias`, never after today."""
        return min(calendario.habil_o_siguiente(self.hoy - timedelta(days=dias)), self.hoy)

    def adelante(self, dias: int) -> date:
        return calendario.habil_o_siguiente(self.hoy + timedelta(days=dias))

    # Rows -------------------------------------------------------------------------------------------

    def lugar(self, comuna: int | str | None) -> Comuna | None:
        if comuna is None:
            return None
        return self.comunas.get(comuna) if isinstance(comuna, int) else self.corregimientos.get(comuna)

    def instancia(self, nombre: str, tipo: str, sigla: str, miembros, *, periodo, comuna=None, **campos):
        """An instancia with its seats (name, cargo, role, sector[, entidad or organization])."""
        instancia = Instancia.objects.create(
            nombre=nombre,
            tipo=tipo,
            comuna=self.lugar(comuna),
            secretaria_tecnica=self.dependencias[sigla],
            **campos,
        )
        self.integrantes(instancia, miembros, periodo)
        return instancia

    def integrantes(self, instancia: Instancia, miembros, periodo: tuple[date, date]) -> None:
        """The seats (name, cargo, role, sector[, entidad or organization]) for `periodo`, in order."""
        for nombre, cargo, rol, sector, *resto in miembros:
            entidad = resto[0] if resto else ""
            Integrante.objects.create(
                instancia=instancia,
                nombre=nombre,
                cargo=cargo,
                rol=rol,
                sector=sector,
                organizacion=None if isinstance(entidad, str) else entidad,
                entidad=entidad if isinstance(entidad, str) else "",
                inicio=periodo[0],
                fin=periodo[1],
            )

    def programar(self, instancia: Instancia, r: Reunion) -> Sesion:
        sesion = sesiones.programar(
            instancia=instancia,
            inicio=self.momento(r.dia, r.hora),
            lugar=r.lugar,
            actor=self.actor,
            comuna=self.lugar(r.comuna) or instancia.comuna,
            tipo=r.tipo,
            convocada_en=r.dia - timedelta(days=8),
            asistentes_comunidad=r.asistentes,
            proxima_sesion=r.proxima,
        )
        sesion.temas.set([self.temas[t] for t in r.temas if t in self.temas])
        sesion.grupos.set([self.grupos[g] for g in r.grupos if g in self.grupos])
        return sesion

    def realizar(self, instancia: Instancia, r: Reunion, *, organizaciones=()) -> tuple[Sesion, Acta]:
        """Programmed, then held: agenda, attendance of the seats of that day, guests, decisions."""
        sesion = self.programar(instancia, r)
        puntos = [
            PuntoAgenda.objects.create(sesion=sesion, orden=n, titulo=titulo, desarrollo=desarrollo)
            for n, (titulo, desarrollo) in enumerate(r.puntos, start=1)
        ]
        asientos = instancia.integrantes.filter(inicio__lte=r.dia).exclude(fin__lt=r.dia).order_by("pk")
        Asistencia.objects.bulk_create(
            Asistencia(
                sesion=sesion,
                integrante=integrante,
                estado="excusado" if i in r.excusados else "ausente" if i in r.ausentes else "presente",
            )
            for i, integrante in enumerate(asientos)
        )
        Invitado.objects.bulk_create(
            Invitado(sesion=sesion, nombre=n, cargo=c, entidad=e, sector=s, publicar_nombre=publicar)
            for n, c, e, s, publicar in r.invitados
        )
        for texto, votos in r.decisiones:
            favor, contra, abstenciones = votos or (None, None, None)
            Decision.objects.create(
                sesion=sesion,
                punto=puntos[-1] if puntos else None,
                texto=texto,
                votos_favor=favor,
                votos_contra=contra,
                abstenciones=abstenciones,
            )
        if organizaciones:
            sesion.organizaciones_presentes.set(organizaciones)
        fin = self.momento(r.dia, r.hora + 3)
        acta = sesiones.realizar(sesion=sesion, actor=self.actor, fin=fin, ahora=fin)
        sesion.refresh_from_db()
        return sesion, acta

    def publicar(self, acta: Acta, *, aprobada: date, publicada: date) -> VersionActa:
        actas.aprobar(acta=acta, actor=self.actor, ahora=self.momento(aprobada, 16))
        self.pdf += 1
        return actas.publicar(acta=acta, actor=self.actor, ahora=self.momento(publicada, 10))

    def publicar_2004(self, acta: Acta, dia: date) -> VersionActa:
        return self.publicar(acta, aprobada=self.habil(dia, 3), publicada=self.habil(dia, 5))

    def compromiso(self, sesion: Sesion, descripcion: str, vence: date, **responsable) -> Compromiso:
        return compromisos.registrar(
            sesion=sesion,
            descripcion=descripcion,
            fecha_vencimiento=vence,
            actor=self.actor,
            ahora=sesion.fin,
            **responsable,
        )

    def dep(self, sigla: str) -> Dependencia:
        return self.dependencias[sigla]

    def evidencia(self, nombre: str) -> SimpleUploadedFile:
        return SimpleUploadedFile(nombre, PDF, content_type="application/pdf")


def cargar(stdout) -> None:
    if Instancia.objects.exists():
        stdout.write("Consejos de demostración: ya hay instancias, no se cargan más.")
        return
    # The demo's mail goes nowhere (subscribers' notices of each acta and commitment).
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        d = _Demo()
        _cargar_2004(d)
        _cargar_actual(d)
    stdout.write(
        f"Consejos de demostración: {Instancia.objects.count()} instancias, {Sesion.objects.count()} "
        "sesiones, "
        f"{VersionActa.objects.count()} actas publicadas y {Compromiso.objects.count()} compromisos "
        "(las actividades del primer semestre de 2004 del informe de la Asesoría Social y sesiones actuales)."
    )


# 2004 ---------------------------------------------------------------------------------------------------


def _organizaciones(comuna: Comuna | None, dia: date, **filtros):
    """Registered organizations of `comuna` recognized by `dia` (the organizaciones demo's, if loaded)."""
    if comuna is None:
        return []
    return list(
        Organizacion.objects.filter(comuna=comuna, personeria_fecha__lte=dia, **filtros).order_by("nombre")[
            :6
        ]
    )


def _cargar_2004(d: _Demo) -> None:
    _gobierno_en_las_comunas(d)
    _politica_social(d)
    _encuentros(d)
    _mesas(d)
    _seguimiento(d)
    _sena(d)
    # What ended in 2004 (the mesas) or with the 2004-2007 term is no longer active.
    Instancia.objects.filter(fin__isnull=False, fin__lt=d.hoy).update(activa=False)


def _gobierno_en_las_comunas(d: _Demo) -> None:
    gec = d.instancia(
        "Gobierno en las comunas",
        TipoInstancia.GOBIERNO_COMUNAS,
        "SDTPC",
        GABINETE_2004,
        periodo=TERMINO_2004,
        descripcion=(
            "Jornadas del Alcalde y su gabinete en cada comuna y en la zona rural, que reemplazaron en 2004 "
            "la programación de los consejos comunitarios de gobierno en las 22 comunas. Cada jornada es una "
            "sesión realizada en su comuna."
        ),
        inicio=date(2004, 1, 1),
        fin=TERMINO_2004[1],
    )
    for n, j in enumerate(JORNADAS):
        comuna = j.comuna if j.comuna is not None else RURAL
        donde = d.lugar(comuna)
        nombre_lugar = f"la comuna {j.comuna}" if j.comuna is not None else f"el corregimiento de {RURAL}"
        temas = " y ".join(t.lower() for t in j.temas)
        puntos = [
            (
                "Instalación de la jornada y saludo del Alcalde",
                f"El Alcalde instaló la jornada del Gobierno en las comunas en {nombre_lugar} y presentó a "
                "los "
                "secretarios de despacho presentes.",
            ),
            (
                "Informe de la administración en la comuna",
                f"La Asesoría Social presentó el balance de los programas sociales en {nombre_lugar} y los "
                "proyectos de inversión previstos para 2004.",
            ),
            (f"Intervenciones de la comunidad: {temas}", j.intervenciones),
            (
                "Compromisos y cierre",
                "Cada secretaría respondió a las inquietudes y se acordaron los compromisos del acta.",
            ),
        ]
        if j.comuna == 21:
            puntos.insert(
                3,
                (
                    "Visita a la olla comunitaria seleccionada",
                    "El Alcalde y la Asesoría Social visitaron la olla comunitaria de Calimio Desepaz, "
                    "seleccionada en el marco del Gobierno en las comunas, que prepara almuerzos para niños "
                    "y personas mayores del sector.",
                ),
            )
        r = Reunion(
            dia=j.dia,
            lugar=j.lugar,
            comuna=comuna,
            hora=8,
            puntos=puntos,
            temas=j.temas,
            asistentes=j.asistentes,
            decisiones=[(f"Priorizar en el plan de acción de {nombre_lugar}: {temas}.", None)],
            invitados=[
                (
                    f"Presidencia de la JAL de {nombre_lugar}" if j.comuna else "Junta Administradora Local",
                    "Edil",
                    "Junta Administradora Local",
                    Sector.COMUNAL,
                    True,
                ),
                ("Comandante de estación", "Policía Metropolitana", "Policía Nacional", Sector.OTRO, True),
                ("Líder comunitaria", "", "", Sector.COMUNIDAD, False),
            ],
            excusados=(6,) if n % 3 == 0 else (),
            ausentes=(7,) if n % 5 == 0 else (),
        )
        sesion, acta = d.realizar(gec, r, organizaciones=_organizaciones(donde, j.dia))
        compromiso = d.compromiso(sesion, j.compromiso, d.habil(j.dia, 40), dependencia=d.dep(j.dependencia))
        d.publicar_2004(acta, j.dia)
        if j.comuna == 19 and "transporte" in j.compromiso:
            # Cancelled at the second comuna 19 day: Metrocali took the socialization over.
            compromisos.cancelar(
                compromiso=compromiso,
                actor=d.actor,
                nota="La socialización del trazado la asumió Metrocali en sus talleres de la Calle 5.",
                ahora=d.momento(date(2004, 4, 17), 12),
            )
            continue
        hecho = d.habil(j.dia, 30)
        compromisos.iniciar(compromiso=compromiso, actor=d.actor, ahora=d.momento(d.habil(j.dia, 5), 10))
        compromisos.cumplir(
            compromiso=compromiso,
            actor=d.actor,
            nota="Cumplido; se informó a la JAL.",
            ahora=d.momento(min(hecho, date(2004, 6, 30)), 11),
        )


def _politica_social(d: _Demo) -> None:
    cmps = d.instancia(
        "Consejo Municipal de Política Social de Santiago de Cali",
        TipoInstancia.POLITICA_SOCIAL,
        "SBS",
        CMPS_2004,
        periodo=(date(2004, 2, 19), TERMINO_2004[1]),
        descripcion=(
            "Instancia de coordinación de la política social del municipio, con representación de la "
            "academia, la iglesia, la Personería, la Red de Solidaridad, el sector empresarial, las ONG y "
            "el sector social de la administración."
        ),
        sesiones_minimas_anio=4,
    )
    instalacion, acta = d.realizar(
        cmps,
        Reunion(
            dia=date(2004, 2, 19),
            lugar="Centro Administrativo Municipal (CAM), Salón Concejo Abierto",
            comuna=3,
            hora=14,
            temas=["Salud", "Educación", "Seguridad alimentaria"],
            puntos=[
                (
                    "Instalación del Consejo y presentación de sus integrantes",
                    "El Alcalde instaló el Consejo Municipal de Política Social; cada sector presentó a su "
                    "delegado.",
                ),
                (
                    "Diagnóstico social de Cali 2004",
                    "La Asesoría Social presentó el diagnóstico: pobreza, desplazamiento, cobertura en "
                    "salud y "
                    "educación, y la situación de la niñez en las comunas del oriente.",
                ),
                (
                    "Reglamento interno y creación del Comité Técnico",
                    "Se discutió el reglamento y la creación de un Comité Técnico que haga el seguimiento "
                    "de las "
                    "políticas públicas del área social.",
                ),
            ],
            decisiones=[
                ("Aprobar el reglamento interno del Consejo.", (11, 0, 1)),
                ("Crear el Comité Técnico con los delegados de las secretarías sociales.", (12, 0, 0)),
            ],
            excusados=(7,),
            proxima="Abril de 2004, en el CAM.",
        ),
    )
    matriz = d.compromiso(
        instalacion,
        "Presentar la matriz de programas sociales por secretaría y por comuna.",
        date(2004, 4, 15),
        dependencia=d.dep("SBS"),
    )
    d.publicar_2004(acta, instalacion.inicio.date())

    comite = d.instancia(
        "Comité Técnico del Consejo Municipal de Política Social",
        TipoInstancia.COMITE_TECNICO,
        "SBS",
        SECRETARIAS_SOCIALES_2004[:4] + SECRETARIAS_SOCIALES_2004[-1:],
        periodo=(date(2004, 3, 1), TERMINO_2004[1]),
        descripcion=(
            "Secretaría técnica del Consejo de Política Social: seguimiento, información y retroalimentación "
            "de las políticas públicas del área social."
        ),
        inicio=date(2004, 3, 1),
        fin=TERMINO_2004[1],
    )
    operativa, acta = d.realizar(
        comite,
        Reunion(
            dia=date(2004, 3, 18),
            lugar="Centro Administrativo Municipal (CAM), piso 9",
            comuna=3,
            hora=8,
            puntos=[
                ("Conformación del Comité Técnico", "Se designaron los delegados de cada secretaría."),
                (
                    "Matriz de información de los programas sociales",
                    "Se acordó el formato común para reportar programas, beneficiarios y comunas atendidas.",
                ),
                ("Cronograma de seguimiento", "Reuniones mensuales y un informe al Consejo en cada sesión."),
            ],
            decisiones=[("Adoptar el formato común de la matriz de programas sociales.", (5, 0, 0))],
        ),
    )
    d.publicar_2004(acta, operativa.inicio.date())
    compromisos.revisar_en(
        compromiso=matriz, sesion=operativa, actor=d.actor, ahora=d.momento(date(2004, 3, 18), 11)
    )
    compromisos.seguimiento(
        compromiso=matriz,
        texto="El Comité Técnico consolidó la matriz con la información de cuatro secretarías.",
        fecha=date(2004, 4, 2),
        actor=d.actor,
        evidencias=[d.evidencia("matriz-programas-sociales-2004.pdf")],
        ahora=d.momento(date(2004, 4, 2), 15),
    )

    segunda, acta = d.realizar(
        cmps,
        Reunion(
            dia=date(2004, 4, 22),
            lugar="Centro Administrativo Municipal (CAM), Salón Concejo Abierto",
            comuna=3,
            hora=14,
            temas=["Seguridad alimentaria", "Educación"],
            grupos=["Niñez y adolescencia"],
            puntos=[
                (
                    "Informe del Comité Técnico",
                    "El Comité Técnico presentó la matriz de programas sociales por secretaría y por comuna.",
                ),
                (
                    "Política de infancia y familia",
                    "La Red de Solidaridad y el ICBF presentaron la situación de la niñez desplazada en "
                    "Cali.",
                ),
                (
                    "Seguridad alimentaria y ollas comunitarias",
                    "Se informó del apoyo a las ollas comunitarias seleccionadas en el Gobierno en las "
                    "comunas.",
                ),
            ],
            decisiones=[("Adoptar la ruta de trabajo de la política de infancia y familia.", (10, 0, 2))],
            excusados=(3, 8),
        ),
    )
    compromisos.revisar_en(compromiso=matriz, sesion=segunda, actor=d.actor, ahora=segunda.fin)
    compromisos.cumplir(
        compromiso=matriz, actor=d.actor, nota="Presentada al Consejo el 22 de abril.", ahora=segunda.fin
    )
    d.publicar_2004(acta, segunda.inicio.date())


def _encuentros(d: _Demo) -> None:
    encuentros = d.instancia(
        "Encuentros del Despacho del Alcalde con la comunidad",
        TipoInstancia.ENCUENTRO,
        "SBS",
        GABINETE_2004[:2],
        periodo=TERMINO_2004,
        descripcion=(
            "Acompañamiento de la Asesoría Social al Despacho del Alcalde en su relación con grupos "
            "específicos y en los encuentros con la comunidad sobre los temas focales del Alcalde."
        ),
        inicio=date(2004, 1, 1),
        fin=TERMINO_2004[1],
    )
    etnicas = list(
        Organizacion.objects.filter(
            tipo__in=[TipoOrganizacion.CABILDO, TipoOrganizacion.CONSEJO_AFRO, TipoOrganizacion.ETNICA],
            personeria_fecha__lte=date(2004, 3, 25),
        )
    )
    lista = [
        Reunion(
            dia=date(2004, 2, 26),
            lugar="Centro Cultural de Cali",
            comuna=3,
            temas=["Salud", "Empleo y emprendimiento"],
            grupos=["Población con discapacidad"],
            asistentes=140,
            puntos=[
                (
                    "Situación de la población con discapacidad en Cali",
                    "Las asociaciones expusieron las barreras de acceso a los edificios públicos y al "
                    "transporte, "
                    "y la falta de rehabilitación en los puestos de salud.",
                ),
                (
                    "Propuestas de las organizaciones",
                    "Se propuso un banco de ayudas técnicas y cupos en la formación para el empleo.",
                ),
            ],
            decisiones=[
                ("Crear una mesa permanente con las asociaciones de personas con discapacidad.", None)
            ],
            invitados=[
                ("Vocera de las asociaciones de personas con discapacidad", "", "", Sector.DISCAPACIDAD, True)
            ],
        ),
        Reunion(
            dia=date(2004, 3, 25),
            lugar="Casa de la Cultura de la comuna 15",
            comuna=15,
            temas=["Educación", "Cultura y deporte"],
            grupos=["Comunidades negras, afrocolombianas, raizales y palenqueras", "Pueblos indígenas"],
            asistentes=210,
            puntos=[
                (
                    "Encuentro con las comunidades afrocolombianas e indígenas",
                    "Las organizaciones étnicas presentaron sus planes de vida y la etnoeducación en los "
                    "colegios "
                    "del oriente de Cali.",
                ),
                (
                    "Fortalecimiento de las organizaciones étnicas",
                    "Se acordó acompañar la formalización de los cabildos y consejos comunitarios urbanos.",
                ),
            ],
            decisiones=[
                ("Incluir la etnoeducación en el plan de acción de la Secretaría de Educación.", None)
            ],
            invitados=[
                ("Autoridad del cabildo indígena urbano", "Gobernador", "", Sector.ETNICO, True),
                ("Vocero de las organizaciones afrocolombianas", "", "", Sector.ETNICO, True),
            ],
        ),
        Reunion(
            dia=date(2004, 4, 15),
            lugar="Sede comunal de Potrero Grande",
            comuna=21,
            temas=["Vivienda"],
            asistentes=380,
            puntos=[
                (
                    "Encuentro comunitario sobre vivienda",
                    "Las familias preguntaron por la asignación de viviendas de interés social y los "
                    "subsidios; "
                    "la Secretaría de Vivienda explicó el cronograma de entregas.",
                ),
            ],
            decisiones=[("Publicar en la sede comunal la lista de familias beneficiarias.", None)],
        ),
        Reunion(
            dia=date(2004, 5, 6),
            lugar="Centro Administrativo Municipal (CAM), Salón Concejo Abierto",
            comuna=3,
            temas=["Transporte masivo", "Vías y movilidad"],
            asistentes=220,
            puntos=[
                (
                    "Encuentro comunitario sobre el sistema de transporte masivo",
                    "Metrocali presentó el avance del sistema de transporte masivo; los líderes "
                    "preguntaron por "
                    "las rutas alimentadoras, las tarifas y las obras en la Calle 5 y la Carrera 15.",
                ),
            ],
            decisiones=[("Hacer talleres del transporte masivo en las comunas del trazado.", None)],
            invitados=[("Gerencia de Metrocali", "Delegado", "Metrocali S. A.", Sector.ADMINISTRACION, True)],
        ),
        Reunion(
            dia=date(2004, 5, 13),
            lugar="Polideportivo de El Vallado",
            comuna=15,
            temas=["Seguridad"],
            asistentes=260,
            puntos=[
                (
                    "Encuentro comunitario sobre seguridad",
                    "La comunidad y la Policía revisaron los puntos críticos de inseguridad y la "
                    "iluminación de "
                    "los parques; se habló de los frentes de seguridad ciudadana.",
                ),
            ],
            decisiones=[("Conformar frentes de seguridad en los barrios de la comuna 15.", None)],
            invitados=[
                ("Comandante de estación", "Policía Metropolitana", "Policía Nacional", Sector.OTRO, True)
            ],
        ),
    ]
    for n, r in enumerate(lista):
        _sesion, acta = d.realizar(encuentros, r, organizaciones=etnicas if n == 1 else ())
        d.publicar_2004(acta, r.dia)


def _mesas(d: _Demo) -> None:
    asocomunal = Organizacion.objects.filter(
        tipo=TipoOrganizacion.ASOCOMUNAL, personeria_fecha__lte=date(2004, 2, 16)
    ).first()
    mesas = [
        (
            "Mesa de concertación con la Asociación de Comuneros",
            "SDTPC",
            (date(2004, 2, 16), date(2004, 6, 30)),
            [
                ("Secretaría de Gobierno, Convivencia y Seguridad", "Delegado", P, Sector.ADMINISTRACION),
                (ASESORIA, "Asesora social", ST, Sector.ADMINISTRACION),
                (
                    "Presidencia de la Asociación de Comuneros",
                    "Presidente",
                    M,
                    Sector.COMUNAL,
                    "Asociación de Comuneros de Cali",
                ),
                ("Vocería de los ediles de las JAL", "", M, Sector.COMUNAL, "Juntas Administradoras Locales"),
                (
                    "Delegación de las asociaciones de juntas comunales",
                    "",
                    M,
                    Sector.COMUNAL,
                    asocomunal or "Asociaciones de juntas de acción comunal",
                ),
            ],
            [
                Reunion(
                    date(2004, 2, 16),
                    "Centro Administrativo Municipal (CAM), piso 2",
                    [
                        (
                            "Instalación de la mesa",
                            "Se acordó el objetivo: la participación de los comuneros en la "
                            "planeación de las comunas y en el Gobierno en las comunas.",
                        ),
                        (
                            "Agenda de trabajo",
                            "Planes de desarrollo de comuna, sedes comunales y capacitación.",
                        ),
                    ],
                    comuna=3,
                    hora=15,
                    decisiones=[("Reunirse cada dos meses.", (5, 0, 0))],
                ),
                Reunion(
                    date(2004, 4, 19),
                    "Centro Administrativo Municipal (CAM), piso 2",
                    [
                        (
                            "Planes de desarrollo de comuna",
                            "Planeación presentó la metodología; los comuneros "
                            "pidieron que cada comuna priorice su inversión.",
                        ),
                    ],
                    comuna=3,
                    hora=15,
                    decisiones=[("Formular los planes de desarrollo de comuna con las JAL.", (5, 0, 0))],
                ),
            ],
        ),
        (
            "Mesa de concertación con los Jueces de Paz",
            "SSJ",
            (date(2004, 3, 1), date(2004, 6, 30)),
            [
                ("Secretaría de Gobierno, Convivencia y Seguridad", "Delegado", P, Sector.ADMINISTRACION),
                (ASESORIA, "Asesora social", ST, Sector.ADMINISTRACION),
                ("Vocería de los jueces de paz de Cali", "Juez de paz", M, Sector.COMUNIDAD),
                ("Vocería de los jueces de reconsideración", "Juez de reconsideración", M, Sector.COMUNIDAD),
                ("Personería Municipal de Cali", "Personera delegada", IP, Sector.PERSONERIA),
            ],
            [
                Reunion(
                    date(2004, 3, 4),
                    "Casa de Justicia de Siloé",
                    [
                        (
                            "Situación de la justicia de paz en Cali",
                            "Los jueces de paz expusieron la falta de sedes, "
                            "de papelería y de reconocimiento de sus decisiones.",
                        ),
                        (
                            "Apoyo de la administración",
                            "Se propuso habilitar las Casas de Justicia como sedes.",
                        ),
                    ],
                    comuna=20,
                    temas=["Seguridad"],
                    decisiones=[("Habilitar las Casas de Justicia como sedes.", (4, 0, 0))],
                ),
                Reunion(
                    date(2004, 5, 4),
                    "Casa de Justicia de Aguablanca",
                    [
                        (
                            "Capacitación en conciliación en equidad",
                            "La Personería ofreció un ciclo de capacitación.",
                        ),
                    ],
                    comuna=13,
                    temas=["Seguridad"],
                ),
            ],
        ),
        (
            "Mesa de concertación con vendedores ambulantes",
            "DAP",
            (date(2004, 2, 9), date(2004, 6, 30)),
            [
                ("Secretaría de Gobierno, Convivencia y Seguridad", "Delegado", P, Sector.ADMINISTRACION),
                (ASESORIA, "Asesora social", ST, Sector.ADMINISTRACION),
                (
                    "Departamento Administrativo de Planeación Municipal",
                    "Espacio público",
                    M,
                    Sector.ADMINISTRACION,
                ),
                (
                    "Representación de los vendedores ambulantes del centro",
                    "",
                    M,
                    Sector.COMUNIDAD,
                    "Asociación de vendedores informales",
                ),
                ("Representación de los vendedores estacionarios", "", M, Sector.COMUNIDAD),
            ],
            [
                Reunion(
                    date(2004, 2, 9),
                    "Centro Administrativo Municipal (CAM), piso 2",
                    [
                        (
                            "Recuperación del espacio público en el centro",
                            "Planeación presentó el plan de "
                            "recuperación de andenes; los vendedores pidieron alternativas de reubicación.",
                        ),
                        ("Censo de vendedores", "Se acordó un censo conjunto de los vendedores del centro."),
                    ],
                    comuna=3,
                    temas=["Espacio público", "Empleo y emprendimiento"],
                    grupos=["Vendedores informales"],
                    decisiones=[("Hacer el censo conjunto de vendedores ambulantes del centro.", (5, 0, 0))],
                ),
                Reunion(
                    date(2004, 3, 22),
                    "Centro Administrativo Municipal (CAM), piso 2",
                    [
                        (
                            "Resultados del censo y alternativas",
                            "Se presentaron 1.850 vendedores censados y dos "
                            "lotes posibles para una zona de ventas.",
                        ),
                    ],
                    comuna=3,
                    temas=["Espacio público"],
                    grupos=["Vendedores informales"],
                    decisiones=[("Estudiar la zona de ventas temporal de la Carrera 10.", (4, 1, 0))],
                ),
            ],
        ),
    ]
    for nombre, sigla, (inicio, fin), miembros, reuniones in mesas:
        mesa = d.instancia(
            nombre,
            TipoInstancia.MESA,
            sigla,
            miembros,
            periodo=(inicio, fin),
            descripcion=(
                "Espacio de trabajo temporal donde confluyen líderes, representantes de sectores, "
                "delegados de "
                "la administración y de la comunidad para analizar problemas y plantear soluciones."
            ),
            inicio=inicio,
            fin=fin,
        )
        for r in reuniones:
            _sesion, acta = d.realizar(
                mesa, r, organizaciones=[asocomunal] if asocomunal and sigla == "SDTPC" else ()
            )
            d.publicar_2004(acta, r.dia)


def _seguimiento(d: _Demo) -> None:
    coordinacion = d.instancia(
        "Coordinación de las secretarías del área social",
        TipoInstancia.SEGUIMIENTO,
        "SBS",
        SECRETARIAS_SOCIALES_2004,
        periodo=TERMINO_2004,
        descripcion=(
            "Encuentros de las secretarías del orden social para hacer seguimiento a los proyectos "
            "institucionales e intersectoriales y evitar la duplicidad de inversiones, esfuerzos y funciones."
        ),
        inicio=date(2004, 1, 1),
        fin=TERMINO_2004[1],
    )
    for r in [
        Reunion(
            date(2004, 2, 12),
            "Despacho del Alcalde, sala de juntas",
            [
                (
                    "Inventario de proyectos de inversión social 2004",
                    "Cada secretaría presentó sus proyectos y las comunas donde se ejecutan.",
                ),
                (
                    "Duplicidades",
                    "Se encontraron tres programas de complementación alimentaria en las mismas comunas.",
                ),
            ],
            comuna=3,
            decisiones=[("Unificar la complementación alimentaria bajo Bienestar Social.", (7, 0, 0))],
        ),
        Reunion(
            date(2004, 3, 30),
            "Despacho del Alcalde, sala de juntas",
            [
                (
                    "Cruce de beneficiarios entre programas",
                    "Se cruzaron las bases de datos de beneficiarios de salud, educación y bienestar social.",
                ),
            ],
            comuna=3,
            decisiones=[("Adoptar una ficha única de beneficiarios.", (6, 0, 1))],
        ),
        Reunion(
            date(2004, 5, 11),
            "Despacho del Alcalde, sala de juntas",
            [
                (
                    "Seguimiento a los compromisos del Gobierno en las comunas",
                    "Se revisaron los compromisos de las jornadas en las comunas por secretaría.",
                ),
                ("Informe para la rendición de cuentas", "Se acordó el informe de gestión del área social."),
            ],
            comuna=3,
        ),
    ]:
        _sesion, acta = d.realizar(coordinacion, r)
        d.publicar_2004(acta, r.dia)


def _sena(d: _Demo) -> None:
    sena = d.instancia(
        "Encuentro con la dirección del SENA",
        TipoInstancia.OTRO,
        "SBS",
        GABINETE_2004[:2],
        periodo=TERMINO_2004,
        descripcion="Encuentro con el Director Nacional y la Directora Regional del SENA para convenios.",
        inicio=date(2004, 4, 20),
        fin=date(2004, 4, 20),
    )
    sesion, acta = d.realizar(
        sena,
        Reunion(
            dia=date(2004, 4, 20),
            lugar="Despacho del Alcalde",
            comuna=3,
            hora=10,
            temas=["Empleo y emprendimiento", "Educación"],
            puntos=[
                (
                    "Acuerdos con el SENA",
                    "Se acordaron cursos de formación para el empleo en las comunas del Gobierno en las "
                    "comunas y un convenio interadministrativo de formación.",
                )
            ],
            invitados=[
                ("Dirección Nacional del SENA", "Director Nacional", "SENA", Sector.OTRO, True),
                ("Dirección Regional Valle del SENA", "Directora Regional", "SENA", Sector.OTRO, True),
            ],
        ),
    )
    convenio = d.compromiso(
        sesion,
        "Firmar el convenio interadministrativo de formación para el empleo con el SENA.",
        date(2004, 6, 30),
        dependencia=d.dep("SBS"),
    )
    d.publicar_2004(acta, date(2004, 4, 20))
    compromisos.cumplir(
        compromiso=convenio, actor=d.actor, nota="Convenio firmado.", ahora=d.momento(date(2004, 6, 15), 10)
    )


# Today ---------------------------------------------------------------------------------------------------


COMUNA_5 = [
    (
        "Claudia Patricia Zúñiga",
        "Gestora territorial de la Comuna 5, delegada del Alcalde",
        P,
        Sector.ADMINISTRACION,
    ),
    ("Paola Andrea Ospina", "Profesional de la Secretaría de Participación", ST, Sector.ADMINISTRACION),
    ("Harold Caicedo Mosquera", "Edil, Junta Administradora Local", M, Sector.COMUNAL, "JAL Comuna 5"),
    ("Luz Marina Rentería", "Presidenta JAC Chiminangos", M, Sector.COMUNAL, "JAC Chiminangos II etapa"),
    ("Jorge Eliécer Valencia", "Presidente JAC Los Guayacanes", M, Sector.COMUNAL, "JAC Los Guayacanes"),
    ("Yolanda Angulo Riascos", "Vocera de las personas con discapacidad", M, Sector.DISCAPACIDAD),
    ("Víctor Hugo Cuero", "Consejo de Planeación de la Comuna 5", M, Sector.COMUNIDAD),
    ("Teniente Andrés Felipe Arboleda", "Policía Metropolitana, cuadrante de El Sena", IP, Sector.OTRO),
]

CMPS_ACTUAL = [
    ("Diana Carolina Hurtado", "Delegada del Alcalde", P, Sector.ADMINISTRACION),
    ("Gloria Inés Quintero", "Secretaría de Bienestar Social", ST, Sector.ADMINISTRACION),
    ("Carlos Andrés Lucumí", "Universidad del Valle", M, Sector.ACADEMIA, "Universidad del Valle"),
    ("Ana Milena Cardona", "Pastoral Social", M, Sector.IGLESIA, "Arquidiócesis de Cali"),
    ("Hernán Sinisterra", "Personero delegado", M, Sector.PERSONERIA, "Personería Distrital de Cali"),
    ("Sandra Milena Banguero", "Gremios", M, Sector.EMPRESARIAL, "Cámara de Comercio de Cali"),
    ("Francia Elena Popo", "ONG sociales", M, Sector.ONG, "Federación de ONG del Valle del Cauca"),
    ("Wilson Ararat", "Secretaría de Salud Pública", M, Sector.ADMINISTRACION),
    ("Rosa Elvira Mosquera", "Secretaría de Educación", M, Sector.ADMINISTRACION),
]


def _cargar_actual(d: _Demo) -> None:
    # Leaders who follow comuna 5 and the CMPS (confirmed), and one who did not open the link yet.
    for correo, comuna, instancia, confirma in (
        ("lider.comuna5@correo.example", d.comunas.get(5), None, True),
        ("jal5@correo.example", d.comunas.get(5), None, True),
        ("veeduria.social@correo.example", None, "cmps", True),
        ("vecina.chiminangos@correo.example", d.comunas.get(5), None, False),
    ):
        destino = Instancia.objects.get(tipo=TipoInstancia.POLITICA_SOCIAL) if instancia else None
        suscripcion = suscripciones.suscribir(
            correo=correo, autorizacion_datos_version=POLITICA_DATOS_VERSION, comuna=comuna, instancia=destino
        )
        if confirma:
            suscripciones.confirmar(llave=suscripcion.llave)

    c5 = d.instancia(
        "Consejo Comunitario de Gobierno de la Comuna 5",
        TipoInstancia.GOBIERNO_COMUNAS,
        "SDTPC",
        COMUNA_5,
        periodo=TERMINO_ACTUAL,
        comuna=5,
        descripcion=(
            "La administración y los líderes de la comuna 5 revisan cada bimestre lo prometido a la comuna."
        ),
    )
    # Session 1 (four months ago): published, then corrected (two versions). Fulfilled and cancelled.
    s1, acta1 = d.realizar(
        c5,
        Reunion(
            dia=d.atras(130),
            lugar="Polideportivo de Chiminangos",
            hora=18,
            temas=["Seguridad", "Servicios públicos", "Vías y movilidad"],
            asistentes=85,
            puntos=[
                (
                    "Seguridad en los parques de Chiminangos",
                    "La comunidad pidió iluminar el parque lineal y más rondas del cuadrante en la noche.",
                ),
                (
                    "Velocidad en la Calle 70",
                    "Los vecinos pidieron reductores de velocidad frente al colegio.",
                ),
            ],
            decisiones=[("Priorizar el alumbrado del parque lineal en el plan de acción.", (6, 0, 0))],
            invitados=[("Vecino del sector", "", "", Sector.COMUNIDAD, False)],
            excusados=(4,),
        ),
    )
    alumbrado = d.compromiso(
        s1, "Reparar e iluminar el parque lineal de Chiminangos.", d.atras(90), dependencia=d.dep("SINF")
    )
    reductores = d.compromiso(
        s1,
        "Instalar reductores de velocidad en la Calle 70 frente al colegio.",
        d.atras(60),
        dependencia=d.dep("SMOV"),
    )
    d.publicar(acta1, aprobada=d.atras(127), publicada=d.atras(125))
    actas.corregir(
        acta=acta1,
        motivo="El punto 2 omitió la intervención de la rectora del colegio.",
        actor=d.actor,
        ahora=d.momento(d.atras(110), 9),
    )
    PuntoAgenda.objects.filter(sesion=s1, orden=2).update(
        desarrollo="Los vecinos y la rectora del colegio pidieron reductores de velocidad frente a la sede."
    )
    d.publicar(acta1, aprobada=d.atras(108), publicada=d.atras(106))
    compromisos.iniciar(compromiso=alumbrado, actor=d.actor, ahora=d.momento(d.atras(120), 10))
    compromisos.seguimiento(
        compromiso=alumbrado,
        texto="Se cambiaron 14 luminarias; faltan las del sendero.",
        fecha=d.atras(105),
        actor=d.actor,
        evidencias=[d.evidencia("luminarias-parque-lineal.pdf")],
        ahora=d.momento(d.atras(105), 16),
    )
    compromisos.cumplir(
        compromiso=alumbrado,
        actor=d.actor,
        nota="Parque lineal iluminado en su totalidad.",
        ahora=d.momento(d.atras(95), 11),
    )
    compromisos.cancelar(
        compromiso=reductores,
        actor=d.actor,
        nota=(
            "El estudio técnico de Movilidad no recomienda reductores en una vía arteria; se instala "
            "señalización."
        ),
        ahora=d.momento(d.atras(80), 10),
    )

    # Session 2 (two months ago): published. In progress with evidence, overdue, pending.
    s2, acta2 = d.realizar(
        c5,
        Reunion(
            dia=d.atras(70),
            lugar="Sede comunal de Los Guayacanes",
            hora=18,
            temas=["Salud", "Transporte masivo", "Vivienda"],
            asistentes=62,
            puntos=[
                ("Seguimiento de compromisos", "Se revisaron el alumbrado del parque y los reductores."),
                (
                    "Ruta alimentadora del MIO",
                    "Los líderes pidieron que la ruta alimentadora del transporte masivo entre a Los "
                    "Guayacanes.",
                ),
                (
                    "Jornada de salud",
                    "Se propuso una jornada de vacunación y tamizaje para personas mayores.",
                ),
            ],
            excusados=(6,),
        ),
    )
    vacunacion = d.compromiso(
        s2,
        "Realizar la jornada de vacunación y tamizaje para personas mayores.",
        d.adelante(20),
        dependencia=d.dep("SSP"),
    )
    ruta = d.compromiso(
        s2,
        "Entregar el estudio de la ruta alimentadora del MIO por Los Guayacanes.",
        d.atras(25),
        dependencia=d.dep("SMOV"),
    )
    integrante = c5.integrantes.get(nombre="Harold Caicedo Mosquera")
    d.compromiso(
        s2,
        "Convocar a las JAC a la mesa de trabajo del salón comunal.",
        d.adelante(40),
        integrante=integrante,
    )
    d.publicar(acta2, aprobada=d.atras(67), publicada=d.atras(65))
    compromisos.iniciar(compromiso=vacunacion, actor=d.actor, ahora=d.momento(d.atras(50), 9))
    compromisos.seguimiento(
        compromiso=vacunacion,
        texto="Se consiguió la sede y las vacunas; la jornada se programó con la JAC.",
        fecha=d.atras(30),
        actor=d.actor,
        evidencias=[d.evidencia("programacion-jornada-salud.pdf")],
        ahora=d.momento(d.atras(30), 15),
    )

    # Session 3 (two weeks ago): approved, not published yet. Reviews the overdue study.
    s3, acta3 = d.realizar(
        c5,
        Reunion(
            dia=d.atras(14),
            lugar="Polideportivo de Chiminangos",
            hora=18,
            temas=["Transporte masivo", "Vivienda"],
            asistentes=70,
            puntos=[
                ("Seguimiento de compromisos", "El estudio de la ruta alimentadora sigue sin entregarse."),
                ("Viviendas en zona de riesgo", "Se pidió el censo de viviendas junto al canal."),
            ],
        ),
    )
    compromisos.revisar_en(
        compromiso=ruta,
        sesion=s3,
        actor=d.actor,
        nota="Movilidad pidió un mes más para entregar el estudio.",
        ahora=s3.fin,
    )
    d.compromiso(
        s3,
        "Hacer el censo de viviendas en zona de riesgo junto al canal.",
        d.adelante(5),
        dependencia=d.dep("SVSH"),
    )
    actas.aprobar(acta=acta3, actor=d.actor, ahora=d.momento(d.atras(10), 16))

    # Session 4 (this week): held, its acta a draft.
    d.realizar(
        c5,
        Reunion(
            dia=d.atras(3),
            lugar="Sede comunal de Los Guayacanes",
            hora=18,
            tipo=TipoSesion.EXTRAORDINARIA,
            temas=["Seguridad"],
            asistentes=40,
            puntos=[("Seguridad en el sector de El Sena", "La comunidad reportó hurtos en el paradero.")],
        ),
    )
    # Upcoming (the calendar) and one cancelled.
    for dias, lugar in ((16, "Polideportivo de Chiminangos"), (48, "Sede comunal de Los Guayacanes")):
        d.programar(c5, Reunion(dia=d.adelante(dias), lugar=lugar, puntos=[], hora=18))
    cancelada = d.programar(
        c5, Reunion(dia=d.adelante(9), lugar="Sede comunal de El Sena", puntos=[], hora=18)
    )
    sesiones.cancelar(sesion=cancelada, motivo="La sede no está disponible por obras.", actor=d.actor)

    # The Consejo de Política Social of today's term: two sessions this year (behind its four).
    cmps = Instancia.objects.get(tipo=TipoInstancia.POLITICA_SOCIAL)
    organizacion = Organizacion.objects.order_by("pk").first()
    miembros = list(CMPS_ACTUAL)
    if organizacion is not None:
        miembros.append(("Representante legal", "", M, Sector.COMUNAL, organizacion))
    d.integrantes(cmps, miembros, TERMINO_ACTUAL)
    primera, acta = d.realizar(
        cmps,
        Reunion(
            dia=d.atras(160),
            lugar="Centro Administrativo Municipal (CAM), Salón Concejo Abierto",
            comuna=3,
            hora=14,
            temas=["Seguridad alimentaria", "Salud"],
            grupos=["Niñez y adolescencia", "Personas mayores"],
            puntos=[
                (
                    "Seguridad alimentaria en las comunas del oriente",
                    "Bienestar Social presentó los comedores comunitarios y la cobertura por comuna.",
                ),
                ("Ruta de atención a personas mayores", "Se discutió la ruta intersectorial de atención."),
            ],
            decisiones=[("Adoptar la ruta intersectorial de atención a personas mayores.", (8, 0, 1))],
        ),
    )
    diagnostico = d.compromiso(
        primera,
        "Presentar el diagnóstico de seguridad alimentaria por comuna.",
        d.atras(100),
        dependencia=d.dep("SBS"),
    )
    if organizacion is not None:
        d.compromiso(
            primera,
            "Apoyar la convocatoria de personas mayores a la ruta de atención en su comuna.",
            d.adelante(30),
            organizacion=organizacion,
        )
    d.publicar(acta, aprobada=d.atras(155), publicada=d.atras(153))
    compromisos.cumplir(
        compromiso=diagnostico,
        actor=d.actor,
        nota="Presentado en la sesión.",
        ahora=d.momento(d.atras(75), 16),
    )
    segunda, acta = d.realizar(
        cmps,
        Reunion(
            dia=d.atras(75),
            lugar="Centro Administrativo Municipal (CAM), Salón Concejo Abierto",
            comuna=3,
            hora=14,
            temas=["Seguridad alimentaria", "Educación"],
            puntos=[
                (
                    "Diagnóstico de seguridad alimentaria",
                    "Bienestar Social presentó el diagnóstico por comuna.",
                ),
                (
                    "Deserción escolar",
                    "Educación presentó las cifras de deserción y la estrategia de retorno.",
                ),
            ],
            decisiones=[("Priorizar las comunas 14, 15 y 21 en la complementación alimentaria.", (9, 0, 0))],
            excusados=(4,),
        ),
    )
    compromisos.revisar_en(compromiso=diagnostico, sesion=segunda, actor=d.actor, ahora=segunda.fin)
    d.compromiso(
        segunda,
        "Presentar la estrategia de retorno escolar con metas por comuna.",
        d.adelante(60),
        dependencia=d.dep("SEM"),
    )
    d.publicar(acta, aprobada=d.atras(72), publicada=d.atras(70))
    d.programar(
        cmps,
        Reunion(
            dia=d.adelante(25),
            lugar="Centro Administrativo Municipal (CAM), Salón Concejo Abierto",
            puntos=[],
            comuna=3,
            hora=14,
        ),
    )

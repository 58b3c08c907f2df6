"""Demo informes for `make run`, all through the services:

- the Asesoría Social's informe de gestión of 18 May 2004 (seed 000_f9a01b311693ee2b), rebuilt from the
  consejos demo's 2004 records: the same sections and narratives, every figure a consejos source with
  its parameters (instancia type), never typed; published as of its date, so its figures are frozen;
- a 2026 informe of the Secretaría de Participación, still a draft (live figures, one typed goal);
- the periodic PQRS report (Ley 1474 art. 76) of the last 90 days from its saved template, published;
- the audiencias and the plan's goals (`demo_dialogo`).

It needs the consejos demo's records: `civic.services.demo` runs the loaders in registration order, and
apps register in INSTALLED_APPS order (pqrs, organizaciones, consejos, rendicion), so this one runs last.
Skipped when the 2004 informe exists.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from civic.models import Dependencia, Usuario
from rendicion import demo_dialogo
from rendicion.models import Indicador, Informe, Seccion
from rendicion.plantillas import PQRS
from rendicion.services import informes
from rendicion.services.plantillas import crear_desde_plantilla

TITULO_2004 = "Rendición de cuentas: informe de gestión de la Asesoría Social"
DESDE_2004, HASTA_2004 = date(2004, 1, 1), date(2004, 5, 18)

GOBIERNO = "gobierno_comunas"

# (title, narrative, [(indicator, source, parameters, chart)]) in the seed's order and words.
SECCIONES_2004 = [
    (
        "Descripción",
        "Es una oficina adscrita al despacho del Alcalde del nivel global de la administración de "
        "acompañamiento, apoyo y coordinación intersectorial e institucional en el área social que propicia "
        "y prioriza la participación y concertación ciudadanas.",
        [],
    ),
    (
        "Consejos de gobierno comunitarios: Gobierno en las comunas",
        "Organización y programación de los consejos comunitarios de gobierno, a realizarse durante el "
        "primer semestre del año 2004 para las 22 comunas de la ciudad, incluido el sector rural, programa "
        "que fue reconsiderado para darle paso al “Gobierno en las comunas”. Se han ejecutado a la fecha "
        "las jornadas de este programa que se cuentan abajo, en las comunas y en la zona rural.",
        [
            ("Jornadas del Gobierno en las comunas", "consejos.sesiones_por_tipo", {"tipo": GOBIERNO}, ""),
            (
                "Comunas y zona rural cubiertas (jornadas en cada una)",
                "consejos.comunas_cubiertas",
                {"tipo": GOBIERNO},
                "barras",
            ),
            ("Personas de la comunidad asistentes", "consejos.asistentes", {"tipo": GOBIERNO}, ""),
            ("Compromisos adquiridos en las jornadas", "consejos.compromisos", {"tipo": GOBIERNO}, ""),
        ],
    ),
    (
        "Consejo Municipal de Política Social",
        "Conformación e instalación del “Consejo Municipal de Política Social”, en el cual hay "
        "representatividad de diferentes sectores de la ciudad (Academia, Iglesia, Personería, Red de "
        "Solidaridad, sector empresarial, ONG, entre otras) y del sector social de la Administración "
        "Municipal.",
        [("Reuniones del Consejo", "consejos.sesiones_por_tipo", {"tipo": "politica_social"}, "")],
    ),
    (
        "Comité Técnico",
        "Constitución de un Comité Técnico o Secretaría Técnica, que facilitará el seguimiento, información "
        "y retroalimentación en las políticas públicas del área social, determinadas en el “Consejo "
        "Municipal de Política Social”.",
        [("Reuniones operativas del Comité", "consejos.sesiones_por_tipo", {"tipo": "comite_tecnico"}, "")],
    ),
    (
        "Apoyo en el relacionamiento comunitario del Despacho del Alcalde",
        "- Acompañamiento y apoyo al Despacho del Alcalde en la interrelación con grupos específicos, "
        "propiciando encuentros generadores de procesos sociales con población discapacitada y grupos "
        "étnicos, facilitando y fortaleciendo las potencialidades de esta población.\n"
        "- Diversos encuentros con la comunidad para tratar temas focales del Alcalde de Cali: Vivienda, "
        "Transporte Masivo y Seguridad entre otros.",
        [
            (
                "Encuentros con la comunidad",
                "consejos.sesiones_por_tipo",
                {"tipo": "encuentro_comunitario"},
                "",
            ),
            (
                "Grupos poblacionales alcanzados (encuentros con cada uno)",
                "consejos.grupos_poblacionales",
                {"tipo": "encuentro_comunitario"},
                "barras",
            ),
            (
                "Personas asistentes a los encuentros",
                "consejos.asistentes",
                {"tipo": "encuentro_comunitario"},
                "",
            ),
        ],
    ),
    (
        "Mesas de concertación",
        "Organización y desarrollo de procesos de concertación municipal como son las “Mesas de "
        "Concertación”, que son espacios de trabajo temporales donde confluyen diversos actores (líderes, "
        "representantes de distintos sectores, comisiones de gobierno municipal, representantes de las "
        "comunidades), con el fin de analizar problemas y plantear alternativas de solución. Hemos "
        "adelantado reuniones con la Asociación de Comuneros, los Jueces de Paz y los vendedores ambulantes.",
        [
            (
                "Reuniones de las mesas de concertación",
                "consejos.sesiones_por_instancia",
                {"tipo": "mesa_concertacion"},
                "barras",
            )
        ],
    ),
    (
        "Ollas comunitarias en el programa “Gobierno en las comunas”",
        "- Apoyo a la Olla Comunitaria seleccionada, dentro del marco de las jornadas del Gobierno en las "
        "Comunas.\n"
        "- Se lideró el encuentro con el Director Nacional y la Directora Regional del SENA para cristalizar "
        "acuerdos y desarrollo de convenios interadministrativos.",
        [("Encuentros con el SENA", "consejos.sesiones_por_tipo", {"tipo": "otro"}, "")],
    ),
    (
        "Seguimiento a proyectos",
        "Coordinación de las Secretarías del orden social a través de diferentes encuentros, con el objeto "
        "de hacer seguimiento a proyectos de carácter institucional e intersectorial, para evitar la "
        "duplicidad de inversiones, esfuerzos y funciones entre las Secretarías integrantes del área social "
        "del Municipio.",
        [
            (
                "Reuniones de seguimiento de las secretarías del área social",
                "consejos.sesiones_por_tipo",
                {"tipo": "seguimiento_interinstitucional"},
                "",
            )
        ],
    ),
]


def _crear(titulo, desde, hasta, fecha, secciones, dependencias) -> Informe:
    informe = Informe.objects.create(titulo=titulo, desde=desde, hasta=hasta, fecha=fecha)
    informe.dependencias.set(dependencias)
    for n, (titulo_s, narrativa, indicadores) in enumerate(secciones, start=1):
        seccion = Seccion.objects.create(informe=informe, orden=n, titulo=titulo_s, narrativa=narrativa)
        for m, fila in enumerate(indicadores, start=1):
            if isinstance(fila, dict):  # a typed figure
                Indicador.objects.create(seccion=seccion, orden=m, **fila)
                continue
            nombre, fuente, parametros, grafico = fila
            Indicador.objects.create(
                seccion=seccion, orden=m, nombre=nombre, fuente=fuente, parametros=parametros, grafico=grafico
            )
    return informe


def _momento(dia: date, hora: int) -> datetime:
    return timezone.make_aware(datetime.combine(dia, time(hora)))


def informe_2004(actor) -> Informe:
    """The seed's informe, built and published as of its date (the services do the writing)."""
    dependencias = Dependencia.objects.filter(sigla__in=["SBS", "SDTPC"])
    informe = _crear(TITULO_2004, DESDE_2004, HASTA_2004, HASTA_2004, SECCIONES_2004, dependencias)
    return informes.publicar(informe=informe, actor=actor, ahora=_momento(HASTA_2004, 10))


def cargar(stdout) -> None:
    if Informe.objects.filter(titulo=TITULO_2004).exists():
        stdout.write("Informes de demostración: ya existen, no se cargan más.")
        return
    actor = (
        Usuario.objects.filter(username="rendicion").first()
        or Usuario.objects.filter(is_superuser=True).order_by("pk").first()
    )
    hoy = timezone.localdate()
    informe_2004(actor)

    participacion = Dependencia.objects.filter(sigla="SDTPC")
    _crear(
        f"Informe de gestión {hoy.year} de la Secretaría de Participación Ciudadana",
        date(hoy.year, 1, 1),
        hoy,
        hoy,
        [
            (
                "Instancias de participación",
                "Sesiones de los consejos comunitarios de gobierno y del Consejo de Política Social en lo "
                "corrido del año, y lo que se comprometió en ellas.",
                [
                    ("Sesiones realizadas, por instancia", "consejos.sesiones_por_instancia", {}, "barras"),
                    ("Compromisos adquiridos y su estado", "consejos.compromisos", {}, "barras"),
                    ("Comunas cubiertas", "consejos.comunas_cubiertas", {}, ""),
                ],
            ),
            (
                "Atención a la ciudadanía",
                "Peticiones, quejas, reclamos, sugerencias y denuncias recibidas y su oportunidad.",
                [
                    ("PQRS recibidas, por tipo", "pqrs.recibidas_por_tipo", {}, "barras"),
                    ("PQRS respondidas a tiempo", "pqrs.respondidas_a_tiempo", {}, ""),
                    {
                        "nombre": "Ferias de servicio en las comunas",
                        "meta": 12,
                        "logro": 7,
                        "unidad": "ferias",
                        "evidencia": "Actas de las ferias en el archivo de la Secretaría.",
                    },
                ],
            ),
        ],
        participacion,
    )

    pqrs = crear_desde_plantilla(
        clave=PQRS.clave, desde=hoy - timedelta(days=90), hasta=hoy, actor=actor, fecha_informe=hoy
    )
    informes.publicar(informe=pqrs, actor=actor)
    demo_dialogo.cargar(actor, stdout)
    stdout.write(
        f"Informes de demostración: {Informe.objects.count()} (el de la Asesoría Social de 2004 reconstruido "
        "de los consejos y publicado, uno de este año en borrador y el informe de PQRS publicado)."
    )

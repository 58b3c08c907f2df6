"""The PQRS catalogues every installation starts with (DOMAIN.md §2), planted from code.

Felicitación has no legal term: it is seeded with plazo_dias = NULL (no due date) and the municipality
may set one in the admin. Planting creates what is missing and never overwrites what staff edited; it runs
from the data migration and after every migrate and test flush (`civic.semillas`).
"""

MODALIDADES = [
    # codigo, nombre, explicacion, plazo_dias, fundamento, es_acceso_informacion
    (
        "peticion-interes-general",
        "Petición de interés general",
        "Pide algo a la Alcaldía que beneficia a la comunidad en general.",
        15,
        "Ley 1755 de 2015, art. 14",
        False,
    ),
    (
        "peticion-interes-particular",
        "Petición de interés particular",
        "Pide algo a la Alcaldía para usted o sobre un asunto que le afecta directamente.",
        15,
        "Ley 1755 de 2015, art. 14",
        False,
    ),
    (
        "queja",
        "Queja",
        "Manifiesta su inconformidad con la conducta de un servidor público.",
        15,
        "Ley 1755 de 2015, art. 14; Ley 1474 de 2011, art. 76",
        False,
    ),
    (
        "reclamo",
        "Reclamo",
        "Manifiesta su inconformidad con un servicio mal prestado o no prestado.",
        15,
        "Ley 1755 de 2015, art. 14; Ley 1474 de 2011, art. 76",
        False,
    ),
    (
        "sugerencia",
        "Sugerencia",
        "Propone una idea para mejorar un servicio o un trámite de la Alcaldía.",
        15,
        "Ley 1755 de 2015, art. 14; Ley 1474 de 2011, art. 76",
        False,
    ),
    (
        "denuncia",
        "Denuncia",
        "Pone en conocimiento un hecho irregular o de posible corrupción para que se investigue.",
        15,
        "Ley 1755 de 2015, art. 14; Ley 1474 de 2011, art. 76; Ley 962 de 2005, art. 81 (anónimas)",
        False,
    ),
    (
        "peticion-documentos",
        "Petición de documentos o de información",
        "Pide copias de documentos o información que tiene la Alcaldía.",
        10,
        "Ley 1755 de 2015, art. 14 num. 1: sin respuesta en 10 días se entiende aceptada y las copias "
        "se entregan dentro de los 3 días siguientes",
        True,
    ),
    (
        "consulta",
        "Consulta",
        "Pide el concepto de la Alcaldía sobre un tema a su cargo; la respuesta no es obligatoria.",
        30,
        "Ley 1755 de 2015, arts. 14 num. 2 y 28",
        False,
    ),
    (
        "peticion-entre-autoridades",
        "Petición entre autoridades",
        "Una entidad pública pide información o documentos a la Alcaldía.",
        10,
        "Ley 1755 de 2015, art. 30",
        False,
    ),
    (
        "felicitacion",
        "Felicitación",
        "Reconoce la buena atención de un servidor o un buen servicio de la Alcaldía.",
        None,
        "Sin término legal; configurable por la entidad",
        False,
    ),
    (
        "acceso-informacion-publica",
        "Solicitud de acceso a información pública",
        "Pide información pública en poder de la Alcaldía; es gratuita.",
        10,
        "Ley 1712 de 2014, arts. 25 y 26; Ley 1755 de 2015, art. 14 num. 1",
        True,
    ),
]

CONDICIONES = [
    # codigo, nombre, da_prelacion (CPACA art. 5 num. 6; Ley 1755/2015 art. 20; Ley 1448/2011)
    ("discapacidad", "Persona con discapacidad", True),
    ("indigena", "Indígena", False),
    ("narp", "Negro, afrocolombiano, raizal o palenquero (NARP)", False),
    ("rrom", "Rrom (gitano)", False),
    ("victima", "Víctima del conflicto armado", True),
    ("persona-mayor", "Persona mayor", True),
    ("nna", "Niña, niño o adolescente", True),
    ("gestante", "Mujer gestante", True),
    ("periodista", "Periodista", True),
]


# Ley 1755/2015 art. 27: the modalidad whose petitioners are authorities, to whom no reserve is opposed.
MODALIDAD_ENTRE_AUTORIDADES = "peticion-entre-autoridades"

MATERIAS_RESERVADAS = [
    # nombre, norma (Ley 1755/2015 art. 24; Ley 1712/2014 arts. 18 and 19)
    ("Defensa y seguridad nacional", "Ley 1712 de 2014, art. 19 lit. a; Ley 1755 de 2015, art. 24 num. 1"),
    ("Seguridad pública", "Ley 1712 de 2014, art. 19 lit. b"),
    ("Relaciones internacionales", "Ley 1712 de 2014, art. 19 lit. c; Ley 1755 de 2015, art. 24 num. 2"),
    (
        "Prevención, investigación y persecución de delitos y faltas disciplinarias",
        "Ley 1712 de 2014, art. 19 lit. d",
    ),
    ("Debido proceso e igualdad de las partes en procesos judiciales", "Ley 1712 de 2014, art. 19 lit. e"),
    ("Derechos de la infancia y la adolescencia", "Ley 1712 de 2014, art. 19 lit. g; Ley 1098 de 2006"),
    (
        "Intimidad de las personas: historias clínicas, hojas de vida y datos personales",
        "Ley 1712 de 2014, art. 18 lit. a; Ley 1755 de 2015, art. 24 num. 3",
    ),
    ("Reserva tributaria: información de los contribuyentes", "Ley 1755 de 2015, art. 24 num. 6"),
    ("Secretos comerciales, industriales y profesionales", "Ley 1712 de 2014, art. 18 lit. c"),
    ("Planos de seguridad de edificaciones e instalaciones", "Ley 1755 de 2015, art. 24 num. 5"),
]


def sembrar_catalogos(apps) -> None:
    Modalidad = apps.get_model("pqrs", "Modalidad")
    CondicionPoblacional = apps.get_model("pqrs", "CondicionPoblacional")
    # Migration 0002 plants with the models as they were then, before the art. 27 flag (0010 sets it).
    marca_autoridades = any(campo.name == "entre_autoridades" for campo in Modalidad._meta.fields)
    for orden, (codigo, nombre, explicacion, plazo, fundamento, acceso) in enumerate(MODALIDADES, start=1):
        Modalidad.objects.get_or_create(
            codigo=codigo,
            defaults={
                "nombre": nombre,
                "explicacion": explicacion,
                "plazo_dias": plazo,
                "fundamento": fundamento,
                "es_acceso_informacion": acceso,
                **({"entre_autoridades": codigo == MODALIDAD_ENTRE_AUTORIDADES} if marca_autoridades else {}),
                "orden": orden,
            },
        )
    for orden, (codigo, nombre, prelacion) in enumerate(CONDICIONES, start=1):
        CondicionPoblacional.objects.get_or_create(
            codigo=codigo, defaults={"nombre": nombre, "da_prelacion": prelacion, "orden": orden}
        )


def sembrar_reservas(apps) -> None:
    MateriaReservada = apps.get_model("pqrs", "MateriaReservada")
    for orden, (nombre, norma) in enumerate(MATERIAS_RESERVADAS, start=1):
        MateriaReservada.objects.get_or_create(nombre=nombre, defaults={"norma": norma, "orden": orden})


def marcar_modalidad_entre_autoridades(apps, schema_editor) -> None:
    """Installations seeded before the flag existed: the seeded modalidad gets it (art. 27)."""
    Modalidad = apps.get_model("pqrs", "Modalidad")
    Modalidad.objects.filter(codigo=MODALIDAD_ENTRE_AUTORIDADES).update(entre_autoridades=True)

"""The topics and population groups every installation starts with; staff add their own."""

TEMAS = [
    "Vivienda",
    "Transporte masivo",
    "Seguridad",
    "Salud",
    "Educación",
    "Espacio público",
    "Medio ambiente",
    "Servicios públicos",
    "Empleo y emprendimiento",
    "Cultura y deporte",
    "Seguridad alimentaria",
    "Vías y movilidad",
]
GRUPOS = [
    "Población con discapacidad",
    "Comunidades negras, afrocolombianas, raizales y palenqueras",
    "Pueblos indígenas",
    "Mujeres",
    "Niñez y adolescencia",
    "Juventud",
    "Personas mayores",
    "Población víctima del conflicto",
    "Población LGBTIQ+",
    "Vendedores informales",
]


def sembrar_catalogos(apps) -> None:
    Tema = apps.get_model("consejos", "Tema")
    GrupoPoblacional = apps.get_model("consejos", "GrupoPoblacional")
    for nombre in TEMAS:
        Tema.objects.get_or_create(nombre=nombre)
    for nombre in GRUPOS:
        GrupoPoblacional.objects.get_or_create(nombre=nombre)

"""The goal statuses every installation starts with, each with the progress it means by default; staff
add their own or change the percentages (never overwritten here)."""

ESTADOS_META = [
    ("Sin iniciar", 0, 1),
    ("En ejecución", 50, 2),
    ("Suspendida", 0, 3),
    ("Cumplida", 100, 4),
]


def sembrar_estados_meta(apps) -> None:
    EstadoMeta = apps.get_model("rendicion", "EstadoMeta")
    for nombre, avance, orden in ESTADOS_META:
        EstadoMeta.objects.get_or_create(
            nombre=nombre, defaults={"avance_por_defecto": avance, "orden": orden}
        )

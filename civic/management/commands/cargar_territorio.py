from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from civic.services.territorio import COLUMNAS, TERRITORIOS_INCLUIDOS, cargar_territorio


class Command(BaseCommand):
    help = (
        "Carga (o actualiza) las comunas, corregimientos, barrios y veredas del municipio. "
        f"Use un territorio incluido ({', '.join(TERRITORIOS_INCLUIDOS)}) o --csv con las columnas "
        f"{', '.join(COLUMNAS)}."
    )

    def add_arguments(self, parser):
        parser.add_argument("municipio", nargs="?", choices=sorted(TERRITORIOS_INCLUIDOS))
        parser.add_argument("--csv", type=Path, help="Ruta a un CSV propio del municipio.")

    def handle(self, *args, municipio=None, csv=None, **options):
        if bool(municipio) == bool(csv):
            raise CommandError("Indique un municipio incluido o --csv, no ambos.")
        ruta = csv or TERRITORIOS_INCLUIDOS[municipio]
        if not ruta.is_file():
            raise CommandError(f"No existe el archivo {ruta}.")
        try:
            resumen = cargar_territorio(ruta_csv=ruta)
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Territorio cargado: {resumen.comunas_creadas} unidades nuevas, "
                f"{resumen.comunas_actualizadas} actualizadas, "
                f"{resumen.barrios_creados} barrios o veredas nuevos."
            )
        )

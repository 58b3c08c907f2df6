from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from civic.expedientes import retencion
from civic.formato import fecha


class Command(BaseCommand):
    help = (
        "Anonimiza los expedientes cerrados cuyo periodo de retención de datos personales terminó "
        "(RETENCION_DATOS_PERSONALES_ANIOS, según la TRD; Ley 1581 de 2012, art. 4 lit. g y art. 11). "
        "Con --dry-run solo cuenta."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Cuenta lo que se anonimizaría, sin cambiar nada."
        )
        parser.add_argument(
            "--lote", type=int, default=retencion.LOTE_POR_DEFECTO, help="Expedientes por transacción."
        )

    def handle(self, *args, dry_run=False, lote=retencion.LOTE_POR_DEFECTO, **options):
        try:
            anios = retencion.anios_configurados()
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        hoy = timezone.localdate()
        hasta = retencion.limite(hoy, anios)
        self.stdout.write(f"Retención de {anios} años: expedientes cerrados antes del {fecha(hasta.date())}.")
        for expediente in retencion.con_retencion():
            if dry_run:
                cuantos, archivos = retencion.contar(expediente, hasta)
                self.stdout.write(
                    f"{expediente.clave}: {cuantos} expedientes por anonimizar, {archivos} archivos "
                    "por borrar (simulación: no se cambió nada)."
                )
                continue
            resumen = retencion.anonimizar(expediente, hasta, lote=lote)
            self.stdout.write(
                f"{expediente.clave}: {resumen.expedientes} expedientes anonimizados, {resumen.adjuntos} "
                f"archivos borrados, {resumen.eventos} eventos y {resumen.notificaciones} correos depurados."
            )

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from civic.services.demo import CONTRASENA_DEMO, cargar_dependencias_y_usuarios, cargas


class Command(BaseCommand):
    help = (
        "Carga datos de demostración (territorio, dependencias, un usuario por rol). Solo con DEBUG activo."
    )

    def add_arguments(self, parser):
        parser.add_argument("--territorio", default="cali", choices=["cali", "palmira"])

    def handle(self, *args, territorio="cali", **options):
        # The demo users have a published password: never in production.
        if not settings.DEBUG:
            raise CommandError("cargar_demo solo se permite con DEBUG activo (nunca en producción).")
        call_command("cargar_territorio", territorio, stdout=self.stdout)
        usuarios = cargar_dependencias_y_usuarios(dominio_correo="demo.localhost")
        for cargar in cargas():
            cargar(self.stdout)
        self.stdout.write(
            self.style.SUCCESS("Datos de demostración listos. Ingreso: http://127.0.0.1:8000/admin/")
        )
        for demo in usuarios:
            rol = demo.rol or "Superusuario"
            self.stdout.write(f"  {demo.usuario:<13} / {CONTRASENA_DEMO}   {rol} ({demo.sigla_dependencia})")

"""Synthetic organizations for benchmarks:

    manage.py generar_organizaciones_sinteticas 20000 --dignatarios 100000


Rows are written with bulk_create in batches (no services, no PDFs, no e-mails, no events beyond the
filing): this is load-test data, consistent with the registry's rules (a state change with its act for
every organization, active dignatarios inscribed by a resolution of an approved and notified procedure,
one person active in one organization only, NITs with their check digit) but not an audit trail.
Radicados and resolution numbers continue each year's counter; do not run it against a portal taking
real filings at the same time.
"""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from stdnum.co import nit as stdnum_nit

from civic import calendario
from civic.expedientes.en_bloque import NumeracionEnBloque
from civic.models import Comuna, Usuario
from organizaciones import periodos
from organizaciones.declaraciones import EXPEDIENTES
from organizaciones.models import (
    CambioEstado,
    Canal,
    Cargo,
    ClaseTerritorio,
    ClaseTramite,
    Dignatario,
    EstadoOrganizacion,
    Evento,
    Genero,
    Organizacion,
    Resolucion,
    Sentido,
    TipoOrganizacion,
    Tramite,
)
from organizaciones.services.registro import ACTO_ANTERIOR_AL_PORTAL
from organizaciones.services.resoluciones import SERIE_RESOLUCIONES
from organizaciones.workflow import Estado

BOGOTA = ZoneInfo("America/Bogota")
# Words of Cali's barrio names; a directory search for one of them finds many organizations.
PALABRAS = [
    "San", "Santa", "El", "La", "Los", "Las", "Villa", "Alto", "Bajo", "Nuevo", "Jardín", "Bosque", "Pradera",
    "Rosario", "Antonio", "Fernando", "Carmen", "Lourdes", "Cristóbal", "Luis", "Vallado", "Retiro", "Guabal",
    "Floresta", "Primavera", "Porvenir", "Esperanza", "Libertadores", "Comuneros", "Córdoba", "Mojica",
    "Meléndez", "Nápoles", "Jordán", "Siloé", "Belén", "Manzanares", "Aguacatal", "Terrón", "Colorado",
    "Calima", "Alameda", "Obrero", "Sucre", "Guayaquil", "Junín", "Bretaña", "Marroquín", "Poblado",
    "Caney", "Ciudadela", "Palmas", "Ceibas", "Samanes", "Guaduales", "Chiminangos", "Álamos", "Vipasa",
]  # fmt: skip
PESOS_TIPO = {
    TipoOrganizacion.JAC: 70,
    TipoOrganizacion.JVC: 4,
    TipoOrganizacion.ASOCOMUNAL: 1,
    TipoOrganizacion.FUNDACION: 6,
    TipoOrganizacion.ASOCIACION: 5,
    TipoOrganizacion.ONG: 3,
    TipoOrganizacion.MUJERES: 4,
    TipoOrganizacion.JOVENES: 3,
    TipoOrganizacion.DISCAPACIDAD: 1,
    TipoOrganizacion.ETNICA: 1,
    TipoOrganizacion.CONSEJO_AFRO: 1,
    TipoOrganizacion.CABILDO: 1,
}
PREFIJO_NOMBRE = {
    TipoOrganizacion.JAC: "Junta de Acción Comunal Barrio",
    TipoOrganizacion.JVC: "Junta de Vivienda Comunitaria",
    TipoOrganizacion.ASOCOMUNAL: "Asociación de Juntas de Acción Comunal",
    TipoOrganizacion.FUNDACION: "Fundación",
    TipoOrganizacion.ASOCIACION: "Asociación",
    TipoOrganizacion.ONG: "Corporación",
    TipoOrganizacion.MUJERES: "Asociación de Mujeres",
    TipoOrganizacion.JOVENES: "Colectivo Juvenil",
    TipoOrganizacion.DISCAPACIDAD: "Asociación de Personas con Discapacidad",
    TipoOrganizacion.ETNICA: "Organización Afrodescendiente",
    TipoOrganizacion.CONSEJO_AFRO: "Consejo Comunitario",
    TipoOrganizacion.CABILDO: "Cabildo Indígena",
}
PESOS_ESTADO = {
    EstadoOrganizacion.ACTIVA: 80,
    EstadoOrganizacion.SUSPENDIDA: 4,
    EstadoOrganizacion.CANCELADA: 7,
    EstadoOrganizacion.EN_LIQUIDACION: 2,
    EstadoOrganizacion.EN_TRAMITE: 7,
}
CARGOS = [
    Cargo.PRESIDENTE, Cargo.VICEPRESIDENTE, Cargo.TESORERO, Cargo.SECRETARIO, Cargo.FISCAL,
    Cargo.CONCILIADOR, Cargo.DELEGADO, Cargo.COORDINADOR_COMISION, Cargo.FISCAL_SUPLENTE,
]  # fmt: skip
MUJERES = ["Luz Marina", "María Fernanda", "Ana Milena", "Diana Carolina", "Yolanda", "Gloria Inés", "Nubia"]
HOMBRES = ["Juan Carlos", "José Luis", "Carlos Andrés", "Jhon Jairo", "Víctor Hugo", "Harold", "Wilson"]
APELLIDOS = ["Rentería", "Mosquera", "Caicedo", "Valencia", "Ospina", "Zúñiga", "Angulo", "Riascos", "Cuero"]
# A word that appears in few organizations, for a "rare" directory search (bench/bench_organizaciones.py).
RARA = "Yarumal"


class Command(BaseCommand):
    help = "Genera N organizaciones sintéticas con sus dignatarios (pruebas de carga del directorio)."

    def add_arguments(self, parser):
        parser.add_argument("cantidad", type=int)
        parser.add_argument(
            "--dignatarios",
            type=int,
            default=None,
            help="Total (5 por organización), de 4 a 8 por junta inscrita.",
        )
        parser.add_argument("--rara", type=int, default=20, help=f"Organizaciones con «{RARA}» (20).")
        parser.add_argument("--lote", type=int, default=2000)
        parser.add_argument("--semilla", type=int, default=2021)

    def handle(self, *args, cantidad, dignatarios, rara, lote, semilla, **opciones):
        if cantidad <= 0:
            raise CommandError("La cantidad debe ser positiva.")
        self.rng = random.Random(semilla)
        self.hoy = timezone.localdate()
        self.comunas = list(Comuna.objects.all())
        if not self.comunas:
            raise CommandError("No hay territorio: ejecute primero `manage.py cargar_territorio cali`.")
        self.firmante, _ = Usuario.objects.get_or_create(
            username="sintetico-ivc", defaults={"first_name": "IVC", "last_name": "sintético"}
        )
        self.tipos, self.pesos_tipo = list(PESOS_TIPO), list(PESOS_TIPO.values())
        self.estados, self.pesos_estado = list(PESOS_ESTADO), list(PESOS_ESTADO.values())
        self.faltan_dignatarios = 5 * cantidad if dignatarios is None else dignatarios
        self.raras = set(self.rng.sample(range(cantidad), min(rara, cantidad)))
        # Where the counters are: radicado series per type and year, resolutions per year, NITs, people.
        self.series = {
            c: EXPEDIENTES[c].serie
            for c in (ClaseTramite.RECONOCIMIENTO, ClaseTramite.INSCRIPCION_DIGNATARIOS)
        }
        usados = [
            *Tramite.objects.filter(serie__in=self.series.values())
            .values_list("serie", "anio")
            .annotate(m=Max("consecutivo")),
            *(
                (SERIE_RESOLUCIONES, anio, m)
                for anio, m in Resolucion.objects.values_list("anio").annotate(m=Max("numero"))
            ),
        ]
        self.numeracion = NumeracionEnBloque([*self.series.values(), SERIE_RESOLUCIONES], usados=usados)
        self.base = (Organizacion.objects.aggregate(m=Max("id"))["m"] or 0) + 1
        self.persona = 50_000_000 + 10 * (Dignatario.objects.count() + 1)

        hechas, totales = 0, {"organizaciones": 0, "dignatarios": 0, "tramites": 0}
        while hechas < cantidad:
            n = min(lote, cantidad - hechas)
            for clave, valor in self._lote(range(hechas, hechas + n)).items():
                totales[clave] += valor
            hechas += n
            self.stdout.write(f"{hechas} organizaciones…")
        self.numeracion.guardar()
        self.stdout.write(
            self.style.SUCCESS(
                f"Se crearon {totales['organizaciones']} organizaciones, {totales['dignatarios']} "
                f"dignatarios vigentes y {totales['tramites']} trámites sintéticos."
            )
        )

    def _nit(self, i: int) -> str:
        base = str(800_000_000 + 37 * (self.base + i))
        return f"{base}-{stdnum_nit.calc_check_digit(base)}"

    def _nombre(self, i: int, tipo: str) -> str:
        rng = self.rng
        palabras = " ".join(rng.sample(PALABRAS, 2))
        if i in self.raras:
            palabras = f"{RARA} {palabras}"
        return f"{PREFIJO_NOMBRE[tipo]} {palabras} {self.base + i}"

    @transaction.atomic
    def _lote(self, indices: range) -> dict:
        rng = self.rng
        organizaciones = []
        for i in indices:
            tipo = rng.choices(self.tipos, self.pesos_tipo)[0]
            estado = rng.choices(self.estados, self.pesos_estado)[0]
            anio = rng.randint(1965, 2024)
            fecha = date(anio, rng.randint(1, 12), rng.randint(1, 28))
            reconocida = estado != EstadoOrganizacion.EN_TRAMITE
            organizaciones.append(
                Organizacion(
                    tipo=tipo,
                    nombre=self._nombre(i, tipo),
                    nit=self._nit(i) if reconocida else "",
                    comuna=rng.choice(self.comunas),
                    clase_territorio=ClaseTerritorio.BARRIO_CAPITAL if tipo == TipoOrganizacion.JAC else "",
                    direccion=f"Calle {rng.randint(1, 120)} # {rng.randint(1, 99)}-{rng.randint(1, 99)}",
                    correo_contacto=f"org{self.base + i}@correo.invalid",
                    telefono_contacto=f"60223{rng.randint(10000, 99999)}",
                    contacto_publico=rng.random() < 0.5,
                    fecha_constitucion=fecha - timedelta(days=90),
                    afiliados=rng.randint(75, 600),
                    familias=rng.randint(10, 80) if tipo == TipoOrganizacion.JVC else 0,
                    personeria_numero=f"Resolución {rng.randint(1, 3000):04d} de {anio}"
                    if reconocida
                    else "",
                    personeria_fecha=fecha if reconocida else None,
                    personeria_autoridad="Secretaría de Desarrollo Territorial" if reconocida else "",
                    estado=estado,
                    suspendida_hasta=(
                        self.hoy + timedelta(days=rng.randint(10, 200))
                        if estado == EstadoOrganizacion.SUSPENDIDA
                        else None
                    ),
                    ultima_actividad=self.hoy - timedelta(days=rng.randint(1, 700)),
                )
            )
        organizaciones = Organizacion.objects.bulk_create(organizaciones)
        cambios, tramites, juntas = [], [], []
        for org in organizaciones:
            if org.estado == EstadoOrganizacion.EN_TRAMITE:
                tramites.append((self._tramite(org, ClaseTramite.RECONOCIMIENTO, Estado.RADICADO), None))
                continue
            cambios.append(
                CambioEstado(
                    organizacion=org,
                    estado_nuevo=EstadoOrganizacion.ACTIVA,
                    acto=f"{ACTO_ANTERIOR_AL_PORTAL}: {org.personeria_numero}",
                    fecha=org.personeria_fecha,
                )
            )
            if org.estado != EstadoOrganizacion.ACTIVA:
                cambios.append(
                    CambioEstado(
                        organizacion=org,
                        estado_anterior=EstadoOrganizacion.ACTIVA,
                        estado_nuevo=org.estado,
                        hasta=org.suspendida_hasta,
                        acto="Acto sintético de inspección, vigilancia y control",
                        fecha=self.hoy - timedelta(days=self.rng.randint(5, 300)),
                    )
                )
            if self.faltan_dignatarios > 0 and org.estado in (
                EstadoOrganizacion.ACTIVA,
                EstadoOrganizacion.SUSPENDIDA,
            ):
                n = min(self.rng.randint(4, 8), self.faltan_dignatarios)
                self.faltan_dignatarios -= n
                tramite = self._tramite(org, ClaseTramite.INSCRIPCION_DIGNATARIOS, Estado.NOTIFICADO)
                tramites.append((tramite, n))
        CambioEstado.objects.bulk_create(cambios, batch_size=5000)
        Tramite.objects.bulk_create([t for t, _n in tramites], batch_size=5000)
        Evento.objects.bulk_create(
            [
                Evento(
                    tramite=t,
                    tipo="radicado",
                    estado_nuevo=Estado.RADICADO,
                    publico=True,
                    momento=t.radicada_en,
                )
                for t, _n in tramites
            ],
            batch_size=5000,
        )
        resoluciones = []
        for tramite, n in tramites:
            if n is None:
                continue
            anio = tramite.anio
            resoluciones.append(
                Resolucion(
                    numero=self.numeracion.siguiente(SERIE_RESOLUCIONES, anio),
                    anio=anio,
                    fecha=tramite.fecha_radicacion_efectiva,
                    clase=tramite.clase,
                    sentido=Sentido.APRUEBA,
                    organizacion_id=tramite.organizacion_id,
                    tramite=tramite,
                    considerandos="Resolución sintética para pruebas de carga.",
                    firmante=self.firmante,
                )
            )
        Resolucion.objects.bulk_create(resoluciones, batch_size=5000)
        por_tramite = {r.tramite_id: r for r in resoluciones}
        for tramite, n in tramites:
            if n is None:
                continue
            juntas += self._junta(tramite, por_tramite[tramite.pk], n)
        Dignatario.objects.bulk_create(juntas, batch_size=5000)
        return {"organizaciones": len(organizaciones), "dignatarios": len(juntas), "tramites": len(tramites)}

    def _tramite(self, org: Organizacion, clase: str, estado: str) -> Tramite:
        rng = self.rng
        if clase == ClaseTramite.INSCRIPCION_DIGNATARIOS:
            inicio = periodos.periodo(TipoOrganizacion.JAC, self.hoy)[0]
            dia = min(inicio + timedelta(days=rng.randint(0, 60)), self.hoy - timedelta(days=20))
        else:
            dia = self.hoy - timedelta(days=rng.randint(0, 14))
        ahora = datetime.combine(dia, time(rng.randint(8, 16), rng.randint(0, 59)), tzinfo=BOGOTA)
        efectiva = calendario.fecha_radicacion_efectiva(ahora)
        numeros = self.numeracion.radicado(EXPEDIENTES[clase], efectiva)
        return Tramite(
            **numeros,
            radicada_en=ahora,
            fecha_radicacion_efectiva=efectiva,
            clase=clase,
            organizacion=org,
            canal=Canal.PORTAL,
            estado=estado,
            plazo_dias=15,
            fecha_vencimiento=calendario.sumar_dias_habiles(efectiva, 15),
            anonima=False,
            tipo_documento="CC",
            numero_documento=str(rng.randint(10_000_000, 99_999_999)),
            nombres=rng.choice(MUJERES + HOMBRES),
            apellidos=f"{rng.choice(APELLIDOS)} {rng.choice(APELLIDOS)}",
            correo=f"tramite{numeros['consecutivo']}.{efectiva.year}@correo.invalid",
            canal_respuesta="correo_electronico",
            autorizacion_datos_version="2026-01",
            autorizacion_datos_en=ahora,
        )

    def _junta(self, tramite: Tramite, resolucion: Resolucion, n: int) -> list[Dignatario]:
        rng = self.rng
        inicio, fin = periodos.periodo(TipoOrganizacion.JAC, self.hoy)
        mujeres = max(1, -(-3 * n // 10))  # at least 30 % (art. 33)
        filas = []
        for k in range(n):
            mujer = k < mujeres
            self.persona += 1
            filas.append(
                Dignatario(
                    organizacion_id=tramite.organizacion_id,
                    nombres=rng.choice(MUJERES if mujer else HOMBRES),
                    apellidos=f"{rng.choice(APELLIDOS)} {rng.choice(APELLIDOS)}",
                    tipo_documento="CC",
                    numero_documento=str(self.persona),
                    genero=Genero.MUJER if mujer else Genero.HOMBRE,
                    cargo=CARGOS[k % len(CARGOS)],
                    inicio=inicio,
                    fin=fin,
                    resolucion=resolucion,
                    tramite=tramite,
                    vigente=True,
                )
            )
        return filas

"""Synthetic published actas for the search benchmark (bench/bench_consejos.py):

    manage.py generar_actas_sinteticas 10000

Writes N held sessions, each with its published acta and one vigente `VersionActa` whose title and text
read like a real acta (attendance, agenda, development per item, commitments) in Spanish with accents,
over varied topics (vivienda, transporte masivo, seguridad, salud…), in bulk (no services, no PDFs, no
e-mails, no events): load-test data, not an audit trail. A few actas carry the rare word `RARA`.

Sessions belong to synthetic instancias (one consejo comunitario per comuna or corregimiento and a few
municipal ones, reused on a second run), numbered per instancia and year after what the tables and the
kernel's counters already hold, so `programar` and `realizar` continue after them.

On PostgreSQL the search vector is computed in SQL, one UPDATE per batch, with the same configuration
and weights as `actas.publicar` (civic.busqueda.CONFIG; title A, text B); on SQLite it stays null (the
search falls back to icontains there).
"""

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape, strip_tags

from civic import busqueda
from civic.expedientes.en_bloque import NumeracionEnBloque
from civic.models import Comuna, Dependencia
from consejos.models import Acta, Instancia, Sesion, TipoInstancia, VersionActa
from consejos.services.sesiones import _serie
from consejos.workflow import EstadoActa

BOGOTA = ZoneInfo("America/Bogota")
# A word few actas have, for a "rare word" search.
RARA = "chontaduro"
FRASE_RARA = "Se acordó apoyar la feria del chontaduro de los vendedores de la galería de Santa Elena."
BARRIOS = [
    "Chiminangos", "Los Guayacanes", "Manuela Beltrán", "Marroquín", "Terrón Colorado", "El Retiro", "Mojica",
    "Siloé", "Belén", "Tierra Blanca", "El Lido", "El Poblado", "Charco Azul", "Desepaz", "Potrero Grande",
    "Santa Mónica", "Versalles", "Popular", "Manzanares", "Doce de Octubre", "El Dorado", "Guayaquil",
    "Mariano Ramos", "República de Israel", "Aguablanca", "San Carlos", "Alfonso López", "Puerto Nuevo",
    "Floralia", "Petecuy", "Meléndez", "Los Chorros", "Nápoles", "Alto Jordán", "Pance", "La Buitrera",
]  # fmt: skip
# Per topic: what the community and the administration say in the development of an agenda item.
TEMAS = {
    "Vivienda": [
        "La comunidad pidió información sobre los subsidios de mejoramiento de vivienda en {barrio}.",
        (
            "La Secretaría de Vivienda Social explicó el cronograma de reubicación de las familias en "
            "zona de riesgo."
        ),
        (
            "Se discutió la legalización del asentamiento de {barrio} y la entrega de escrituras a los "
            "poseedores."
        ),
        "Los líderes denunciaron humedades y grietas en las viviendas de interés social entregadas.",
    ],
    "Transporte masivo": [
        "Los líderes pidieron que la ruta alimentadora del MIO entre a {barrio} y que aumente la frecuencia.",
        "Metrocali informó sobre la nueva estación de la troncal y la reubicación de los paraderos.",
        (
            "Se expusieron quejas por el tiempo de espera en las estaciones y el estado de los buses "
            "articulados."
        ),
        "La comunidad pidió recargas de la tarjeta del sistema de transporte masivo cerca de {barrio}.",
    ],
    "Seguridad": [
        "La Policía presentó el balance de hurtos y riñas del trimestre en el cuadrante de {barrio}.",
        "Se pidió iluminar el parque de {barrio} y reforzar las rondas nocturnas del cuadrante.",
        "Se acordó conformar frentes de seguridad ciudadana con las juntas de acción comunal.",
        "Las madres pidieron entornos escolares seguros a la salida de los colegios.",
    ],
    "Salud": [
        "La Secretaría de Salud Pública programó una jornada de vacunación y tamizaje en {barrio}.",
        "Los usuarios denunciaron demoras en la asignación de citas en el puesto de salud.",
        "Se habló de la prevención del dengue y de la fumigación de los canales de aguas lluvias.",
        "Las personas mayores pidieron atención domiciliaria y la entrega oportuna de medicamentos.",
    ],
    "Educación": [
        (
            "Se pidieron cupos escolares y transporte para los estudiantes de la institución educativa de "
            "{barrio}."
        ),
        "La Secretaría de Educación presentó la estrategia contra la deserción escolar.",
        "Los padres de familia solicitaron la reparación de las baterías sanitarias del colegio.",
        "Se propuso ampliar la jornada única y el programa de alimentación escolar.",
    ],
    "Espacio público": [
        (
            "Los vendedores informales pidieron alternativas de reubicación antes de la recuperación de los "
            "andenes."
        ),
        "Se denunció la ocupación del andén y de la zona verde de {barrio} con materiales de construcción.",
        "Planeación explicó el plan de recuperación del espacio público del corredor comercial.",
    ],
    "Medio ambiente": [
        "La comunidad denunció el relleno del humedal y la tala de árboles cerca de {barrio}.",
        "El DAGMA programó una jornada de limpieza del canal y de siembra de árboles nativos.",
        "Se pidió controlar los puntos críticos de residuos sólidos y escombros en la vía.",
    ],
    "Servicios públicos": [
        "Los vecinos de {barrio} reportaron luminarias apagadas y cortes frecuentes de energía.",
        "EMCALI explicó las obras del alcantarillado y los cortes programados del acueducto.",
        "Se pidió revisar la facturación del servicio de agua en los estratos uno y dos.",
    ],
    "Empleo y emprendimiento": [
        "El SENA ofreció cursos de formación para el empleo a los jóvenes de {barrio}.",
        "Se propuso una feria de emprendimiento para las mujeres cabeza de hogar de la comuna.",
        "Los comerciantes pidieron apoyo para la reactivación económica del sector.",
    ],
    "Cultura y deporte": [
        "Los jóvenes pidieron la adecuación de la cancha de {barrio} y escuelas deportivas en la noche.",
        "La Secretaría de Cultura presentó la agenda del festival de música del Pacífico en la comuna.",
        "Se solicitó la reparación de la biblioteca comunitaria y de la casa de la cultura.",
    ],
    "Vías y movilidad": [
        (
            "La comunidad pidió tapar los huecos de la calle principal de {barrio} antes de la temporada de "
            "lluvias."
        ),
        "Movilidad estudiará la instalación de un semáforo y de reductores de velocidad frente al colegio.",
        (
            "Se discutió la pavimentación de las vías sin pavimentar inventariadas por la junta "
            "administradora local."
        ),
    ],
    "Seguridad alimentaria": [
        "Bienestar Social informó sobre los comedores comunitarios y las ollas comunitarias de {barrio}.",
        "Se pidió incluir a más familias en el programa de complementación alimentaria.",
    ],
}
DEPENDENCIAS = [
    "Secretaría de Vivienda Social y Hábitat",
    "Secretaría de Movilidad",
    "Secretaría de Seguridad y Justicia",
    "Secretaría de Salud Pública",
    "Secretaría de Educación",
    "Secretaría de Infraestructura",
    "Departamento Administrativo de Gestión del Medio Ambiente",
    "Secretaría de Bienestar Social",
    "Secretaría de Cultura",
    "Secretaría del Deporte y la Recreación",
    "Departamento Administrativo de Planeación",
]
ACCIONES = [
    "presentar un informe de avance",
    "visitar el sector con la junta de acción comunal",
    "hacer una mesa técnica",
    "entregar el cronograma de obras",
    "responder por escrito a la comunidad",
    "programar una jornada en el barrio",
]
NOMBRES = [
    "Luz Marina", "María Fernanda", "Ana Milena", "Diana Carolina", "Paola Andrea", "Yolanda", "Gloria Inés",
    "Juan Carlos", "José Luis", "Luis Fernando", "Jhon Jairo", "Víctor Hugo", "Harold", "Wilson", "Hernán",
]  # fmt: skip
APELLIDOS = [
    "Rentería", "Mosquera", "Caicedo", "Valencia", "Ospina", "Zúñiga", "Angulo", "Riascos", "Cuero",
    "Hurtado", "Arboleda", "Cardona", "Quintero", "Banguero", "Popo", "Ararat", "Lucumí", "Sinisterra",
]  # fmt: skip
CARGOS = [
    "Presidenta de la JAC",
    "Edil de la JAL",
    "Delegado de la Secretaría de Gobierno",
    "Gestora territorial",
    "Líder juvenil",
    "Representante de las personas mayores",
    "Vocera de las mujeres",
]
MUNICIPALES = [
    ("Consejo Municipal de Política Social (sintético)", TipoInstancia.POLITICA_SOCIAL),
    ("Consejo Municipal de Participación Ciudadana (sintético)", TipoInstancia.PARTICIPACION),
    ("Consejo Territorial de Planeación (sintético)", TipoInstancia.PLANEACION),
    ("Mesa de concertación de transporte masivo (sintética)", TipoInstancia.MESA),
    ("Coordinación de las secretarías sociales (sintética)", TipoInstancia.SEGUIMIENTO),
]


class Command(BaseCommand):
    help = "Genera N sesiones sintéticas con su acta publicada (pruebas de carga de la búsqueda de actas)."

    def add_arguments(self, parser):
        parser.add_argument("cantidad", type=int)
        parser.add_argument("--rara", type=int, default=20, help=f"Actas con «{RARA}» (20).")
        parser.add_argument("--lote", type=int, default=1000)
        parser.add_argument("--semilla", type=int, default=2004)
        parser.add_argument("--anios", type=int, default=10, help="Sesiones de los últimos N años (10).")

    def handle(self, *args, cantidad, rara, lote, semilla, anios, **opciones):
        if cantidad <= 0:
            raise CommandError("La cantidad debe ser positiva.")
        self.rng = random.Random(semilla)
        self.hoy = timezone.localdate()
        self.dias = max(1, 365 * anios)
        self.instancias = self._instancias()
        self.raras = set(self.rng.sample(range(cantidad), min(rara, cantidad)))
        self.numeracion = self._numeracion()
        hechas = 0
        while hechas < cantidad:
            n = min(lote, cantidad - hechas)
            self._lote(range(hechas, hechas + n))
            hechas += n
            self.stdout.write(f"{hechas} actas…")
        self.numeracion.guardar()
        vector = "con su vector de búsqueda" if busqueda.en_postgres() else "sin vector (SQLite)"
        self.stdout.write(
            self.style.SUCCESS(f"Se crearon {cantidad} sesiones con su acta publicada, {vector}.")
        )

    def _instancias(self) -> list[Instancia]:
        comunas = list(Comuna.objects.order_by("tipo", "numero"))
        if not comunas:
            raise CommandError("No hay territorio: ejecute primero `manage.py cargar_territorio cali`.")
        dependencia, _ = Dependencia.objects.get_or_create(
            sigla="SINT-CONS",
            defaults={
                "nombre": "Secretaría técnica sintética de consejos",
                "correo": "consejos@correo.invalid",
            },
        )
        deseadas = [
            (f"Consejo comunitario de gobierno – {c} (sintético)", TipoInstancia.GOBIERNO_COMUNAS, c)
            for c in comunas
        ] + [(nombre, tipo, None) for nombre, tipo in MUNICIPALES]
        instancias = []
        for nombre, tipo, comuna in deseadas:
            instancia, _ = Instancia.objects.get_or_create(
                nombre=nombre, defaults={"tipo": tipo, "comuna": comuna, "secretaria_tecnica": dependencia}
            )
            instancias.append(instancia)
        return instancias

    def _numeracion(self) -> NumeracionEnBloque:
        ids = [i.pk for i in self.instancias]
        usados = [
            (_serie("sesion", pk), anio, m)
            for pk, anio, m in Sesion.objects.filter(instancia_id__in=ids)
            .values_list("instancia_id", "anio")
            .annotate(m=Max("numero"))
        ] + [
            (_serie("acta", pk), anio, m)
            for pk, anio, m in Acta.objects.filter(sesion__instancia_id__in=ids)
            .values_list("sesion__instancia_id", "anio")
            .annotate(m=Max("numero"))
        ]
        series = [_serie(clase, pk) for pk in ids for clase in ("sesion", "acta")]
        return NumeracionEnBloque(series, usados=usados)

    @transaction.atomic
    def _lote(self, indices: range) -> None:
        rng = self.rng
        filas = []
        for i in indices:
            instancia = rng.choice(self.instancias)
            dia = self.hoy - timedelta(days=rng.randint(1, self.dias))
            inicio = datetime.combine(
                dia, time(rng.choice([8, 9, 14, 15, 18]), rng.choice([0, 30])), tzinfo=BOGOTA
            )
            comuna = instancia.comuna or rng.choice([None, *(i.comuna for i in self.instancias[:22])])
            sesion = Sesion(
                instancia=instancia,
                anio=dia.year,
                numero=self.numeracion.siguiente(_serie("sesion", instancia.pk), dia.year),
                estado="realizada",
                inicio=inicio,
                fin=inicio + timedelta(hours=3),
                lugar=f"Sede comunal de {rng.choice(BARRIOS)}",
                comuna=comuna,
                convocada_en=dia - timedelta(days=8),
                asistentes_comunidad=rng.randint(0, 300),
            )
            filas.append((i, sesion))
        Sesion.objects.bulk_create([s for _i, s in filas])
        actas = [
            Acta(
                sesion=s,
                anio=s.anio,
                numero=self.numeracion.siguiente(_serie("acta", s.instancia_id), s.anio),
                estado=EstadoActa.PUBLICADA,
                fecha_sesion=s.inicio.astimezone(BOGOTA).date(),
            )
            for _i, s in filas
        ]
        Acta.objects.bulk_create(actas)
        versiones = []
        for (i, sesion), acta in zip(filas, actas, strict=True):
            titulo = f"Acta {acta.numero:03d} de {acta.anio} – {sesion.instancia.nombre}"
            html = self._html(sesion, acta, rara=i in self.raras)
            versiones.append(
                VersionActa(
                    acta=acta,
                    numero=1,
                    publicada_en=sesion.inicio + timedelta(days=rng.randint(2, 10)),
                    titulo=titulo,
                    html=html,
                    texto=" ".join(strip_tags(html).split()),
                    pdf="consejos/actas/sintetica.pdf",
                    vigente=True,
                    comuna=sesion.comuna or sesion.instancia.comuna,
                    instancia=sesion.instancia,
                    fecha_sesion=acta.fecha_sesion,
                )
            )
        VersionActa.objects.bulk_create(versiones)
        if busqueda.en_postgres():
            # The same vector as actas.publicar (civic.busqueda.vector("titulo", "texto")), in one statement.
            with connection.cursor() as cursor:
                cursor.execute(
                    "UPDATE consejos_versionacta SET vector = "
                    "setweight(to_tsvector(%s::regconfig, COALESCE(titulo, '')), 'A') || "
                    "setweight(to_tsvector(%s::regconfig, COALESCE(texto, '')), 'B') "
                    "WHERE id = ANY(%s)",
                    [busqueda.CONFIG, busqueda.CONFIG, [v.pk for v in versiones]],
                )

    def _persona(self) -> str:
        rng = self.rng
        return f"{rng.choice(NOMBRES)} {rng.choice(APELLIDOS)} {rng.choice(APELLIDOS)}"

    def _html(self, sesion: Sesion, acta: Acta, *, rara: bool) -> str:
        """An acta's body as the published template lays it out (data, attendance, agenda, development,
        commitments), one element per line so that its text keeps the words apart."""
        rng = self.rng
        barrio = rng.choice(BARRIOS)
        temas = rng.sample(list(TEMAS), rng.randint(2, 4))
        partes = [
            "<h2>Datos de la sesión</h2>",
            f"<p>Instancia: {escape(sesion.instancia.nombre)}. Acta No. {acta.numero:03d} de {acta.anio}. "
            f"Sesión ordinaria No. {sesion.numero} de {sesion.anio}. Lugar: {escape(sesion.lugar)}.</p>",
            f"<p>Temas: {', '.join(temas)}.</p>",
            "<h2>Asistencia</h2>",
            "<ul>",
            *(f"<li>{self._persona()}, {rng.choice(CARGOS)}</li>" for _ in range(rng.randint(4, 9))),
            "</ul>",
        ]
        if sesion.asistentes_comunidad:
            partes.append(f"<p>Asistieron {sesion.asistentes_comunidad} personas de la comunidad.</p>")
        partes += ["<h2>Orden del día</h2>", "<ol>", "<li>Verificación del quórum</li>"]
        partes += [f"<li>{tema} en {barrio}</li>" for tema in temas]
        partes += ["</ol>", "<h2>Desarrollo de la sesión</h2>"]
        for n, tema in enumerate(temas, start=2):
            frases = rng.sample(TEMAS[tema], min(len(TEMAS[tema]), rng.randint(2, 3)))
            partes.append(f"<h3>{n}. {tema} en {barrio}</h3>")
            partes.append(f"<p>{' '.join(f.format(barrio=barrio) for f in frases)}</p>")
        if rara:
            partes.append(f"<p>{FRASE_RARA}</p>")
        partes.append("<h2>Compromisos</h2>")
        partes.append("<ul>")
        for _ in range(rng.randint(1, 3)):
            vence = acta.fecha_sesion + timedelta(days=rng.randint(15, 120))
            partes.append(
                f"<li>La {rng.choice(DEPENDENCIAS)} se compromete a {rng.choice(ACCIONES)} en {barrio} "
                f"antes del {vence:%d/%m/%Y}.</li>"
            )
        partes.append("</ul>")
        return "\n".join(partes)

"""Synthetic PQRS for demos and benchmarks: `manage.py generar_pqrs_sinteticas 1000000`.

Rows are written with bulk_create in batches (no services, no history rows, no e-mails): this is
test data, consistent with the law's dates (effective filing date, due dates from the business-day
calendar, answers on time or late) but not an audit trail. Radicados continue each year's counter in
chronological order; do not run it against a portal that is taking real filings at the same time.
"""

import random
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from civic import calendario
from civic.expedientes import radicados, registro
from civic.expedientes.en_bloque import NumeracionEnBloque
from civic.models import Comuna, Dependencia
from pqrs.models import (
    Canal,
    CanalRespuesta,
    CondicionPoblacional,
    Evento,
    Modalidad,
    SentidoRespuesta,
    Solicitud,
    TipoEvento,
)
from pqrs.services.radicacion import EXPEDIENTE
from pqrs.workflow import Estado

BOGOTA = ZoneInfo("America/Bogota")

NOMBRES = [
    "María Fernanda",
    "Luz Marina",
    "Ana Milena",
    "Diana Carolina",
    "Paola Andrea",
    "Claudia Patricia",
    "Yolanda",
    "Gloria Inés",
    "Sandra Milena",
    "Leidy Johana",
    "Juan Carlos",
    "José Luis",
    "Luis Fernando",
    "Carlos Andrés",
    "Jhon Jairo",
    "Andrés Felipe",
    "Jorge Eliécer",
    "Víctor Hugo",
    "Diego Alejandro",
    "Edwin",
    "Harold",
    "Wilson",
    "Yesenia",
    "Marleny",
    "Aurora",
]
APELLIDOS = [
    "Rodríguez",
    "Gómez",
    "González",
    "Martínez",
    "García",
    "López",
    "Hernández",
    "Sánchez",
    "Ramírez",
    "Pérez",
    "Díaz",
    "Muñoz",
    "Rojas",
    "Moreno",
    "Jiménez",
    "Valencia",
    "Castillo",
    "Caicedo",
    "Rentería",
    "Mosquera",
    "Cuero",
    "Angulo",
    "Ospina",
    "Cardona",
    "Quintero",
    "Arboleda",
    "Riascos",
    "Hurtado",
]
ASUNTOS = {
    "peticion-interes-general": [
        "Solicitud de reparcheo de la vía",
        "Instalación de reductores de velocidad",
        "Poda de árboles en el parque",
        "Mejoramiento del alumbrado público",
        "Adecuación de la cancha del barrio",
    ],
    "peticion-interes-particular": [
        "Certificado de residencia",
        "Revisión de la estratificación de mi vivienda",
        "Inclusión en programa de adulto mayor",
        "Subsidio de vivienda",
        "Permiso de ocupación de espacio público",
    ],
    "queja": [
        "Mala atención en ventanilla",
        "Demora del funcionario en la cita",
        "Trato irrespetuoso en el CALI",
    ],
    "reclamo": [
        "Recolección de basuras incumplida",
        "Semáforo dañado sin reparar",
        "Cobro indebido de impuesto predial",
    ],
    "sugerencia": [
        "Ampliar el horario de atención",
        "Más rutas de ciclovía",
        "Trámites en línea para certificados",
    ],
    "denuncia": [
        "Construcción sin licencia",
        "Invasión de espacio público",
        "Presunto cobro por trámite gratuito",
    ],
    "peticion-documentos": [
        "Copia del contrato de obra",
        "Copia de la resolución",
        "Actas del consejo comunal",
    ],
    "consulta": [
        "Concepto sobre uso del suelo",
        "Requisitos para constituir una JAC",
        "Alcance del plan parcial",
    ],
    "peticion-entre-autoridades": [
        "Información para investigación de la Personería",
        "Solicitud de la Contraloría",
    ],
    "felicitacion": ["Felicitación por la jornada de salud", "Reconocimiento a la atención recibida"],
    "acceso-informacion-publica": [
        "Presupuesto de inversión por comuna",
        "Número de contratos de prestación de servicios",
        "Ejecución del plan de desarrollo",
        "Listado de obras en ejecución",
    ],
}
PESOS_MODALIDAD = {
    "peticion-interes-general": 22,
    "peticion-interes-particular": 25,
    "queja": 9,
    "reclamo": 13,
    "sugerencia": 4,
    "denuncia": 4,
    "peticion-documentos": 8,
    "consulta": 4,
    "peticion-entre-autoridades": 3,
    "felicitacion": 2,
    "acceso-informacion-publica": 6,
}
PESOS_CANAL = {
    Canal.WEB: 50,
    Canal.PRESENCIAL: 22,
    Canal.CORREO_ELECTRONICO: 16,
    Canal.TELEFONICO: 7,
    Canal.CORREO_POSTAL: 5,
}
DEPENDENCIAS = [
    ("Secretaría de Infraestructura", "SINF"),
    ("Secretaría de Salud Pública", "SSP"),
    ("Secretaría de Movilidad", "SMOV"),
    ("Departamento Administrativo de Planeación", "DAPM"),
    ("Secretaría de Seguridad y Justicia", "SSJ"),
    ("Secretaría de Bienestar Social", "SBS"),
    ("Secretaría de Participación Ciudadana", "SPC"),
]
ENTIDADES = [
    "Gobernación del Valle del Cauca",
    "EMCALI",
    "Policía Nacional",
    "ICBF",
    "CVC",
    "Fiscalía General",
]


@cache
def _efectiva(local: date) -> date:
    return local if calendario.es_dia_habil(local) else calendario.sumar_dias_habiles(local, 1)


@cache
def _sumar(inicio: date, dias: int) -> date:
    return calendario.sumar_dias_habiles(inicio, dias)


def _a_las(dia: date, hora: int, minuto: int = 0) -> datetime:
    return datetime.combine(dia, time(hora, minuto), tzinfo=BOGOTA)


class Command(BaseCommand):
    help = "Genera N solicitudes PQRS sintéticas (datos de demostración y de pruebas de carga)."

    def add_arguments(self, parser):
        parser.add_argument("cantidad", type=int)
        parser.add_argument("--anios", type=int, default=3, help="Años hacia atrás desde hoy (3).")
        parser.add_argument("--lote", type=int, default=5000)
        parser.add_argument("--semilla", type=int, default=None)

    def handle(self, *args, cantidad, anios, lote, semilla, **opciones):
        if cantidad <= 0:
            raise CommandError("La cantidad debe ser positiva.")
        self.rng = random.Random(semilla)
        self.hoy = timezone.localdate()
        self.modalidades = {m.codigo: m for m in Modalidad.objects.filter(activa=True)}
        if not self.modalidades:
            raise CommandError("No hay modalidades: ejecute primero `manage.py migrate`.")
        self.codigos_modalidad = [c for c in PESOS_MODALIDAD if c in self.modalidades]
        self.pesos_modalidad = [PESOS_MODALIDAD[c] for c in self.codigos_modalidad]
        self.dependencias = list(Dependencia.objects.filter(activa=True)) or self._crear_dependencias()
        self.comunas = list(Comuna.objects.all()) or [None]
        self.condiciones = list(CondicionPoblacional.objects.all())
        self.expediente = registro.expediente(EXPEDIENTE)
        serie = self.expediente.serie
        usados = (
            Solicitud.objects.filter(serie=serie).values_list("serie", "anio").annotate(m=Max("consecutivo"))
        )
        self.numeracion = NumeracionEnBloque([serie], usados=usados)

        inicio = self.hoy - timedelta(days=365 * anios)
        filas, creadas = [], 0
        for dia, en_el_dia in self._reparto(inicio, self.hoy, cantidad):
            minutos = sorted(self.rng.randint(6 * 60, 22 * 60) for _ in range(en_el_dia))
            for m in minutos:
                filas.append(self._fila(_a_las(dia, m // 60, m % 60)))
                if len(filas) >= lote:
                    creadas += self._guardar(filas)
                    filas = []
                    self.stdout.write(f"{creadas} solicitudes…")
        if filas:
            creadas += self._guardar(filas)
        self.numeracion.guardar()
        self.stdout.write(self.style.SUCCESS(f"Se crearon {creadas} solicitudes sintéticas."))

    def _crear_dependencias(self) -> list[Dependencia]:
        return [
            Dependencia.objects.get_or_create(
                sigla=sigla, defaults={"nombre": nombre, "correo": f"{sigla.lower()}@alcaldia.invalid"}
            )[0]
            for nombre, sigla in DEPENDENCIAS
        ]

    def _reparto(self, inicio: date, fin: date, cantidad: int):
        """Spread `cantidad` over the days, fewer on weekends; exactly `cantidad` in total."""
        dias = [inicio + timedelta(days=n) for n in range((fin - inicio).days + 1)]
        pesos = [1.0 if d.weekday() < 5 else 0.12 for d in dias]
        total = sum(pesos)
        acumulado, asignadas = 0.0, 0
        for dia, peso in zip(dias, pesos, strict=True):
            acumulado += peso
            hasta = round(cantidad * acumulado / total)
            if hasta > asignadas:
                yield dia, hasta - asignadas
                asignadas = hasta

    def _fila(self, ahora: datetime) -> dict:
        rng = self.rng
        modalidad = self.modalidades[rng.choices(self.codigos_modalidad, self.pesos_modalidad)[0]]
        efectiva = _efectiva(ahora.date())
        plazo = modalidad.plazo_dias
        vencimiento = _sumar(efectiva, plazo) if plazo else None
        codigo = "".join(rng.choices(radicados.ALFABETO_CODIGO, k=radicados.LONGITUD_CODIGO))
        numeros = self.numeracion.radicado(self.expediente, efectiva, codigo=codigo)
        anio, consecutivo = numeros["anio"], numeros["consecutivo"]
        anonima = rng.random() < (0.35 if modalidad.codigo == "denuncia" else 0.06)
        correo = "" if anonima and rng.random() < 0.6 else f"ciudadano{consecutivo}.{anio}@correo.invalid"
        solicitud = Solicitud(
            **numeros,
            modalidad=modalidad,
            canal=rng.choices(list(PESOS_CANAL), list(PESOS_CANAL.values()))[0],
            radicada_en=ahora,
            fecha_radicacion_efectiva=efectiva,
            anonima=anonima,
            tipo_documento="" if anonima else "CC",
            numero_documento="" if anonima else str(rng.randint(1_000_000, 1_199_999_999)),
            nombres="" if anonima else rng.choice(NOMBRES),
            apellidos="" if anonima else f"{rng.choice(APELLIDOS)} {rng.choice(APELLIDOS)}",
            correo=correo,
            telefono="" if anonima else f"3{rng.randint(100_000_000, 199_999_999)}",
            comuna=rng.choice(self.comunas),
            canal_respuesta=CanalRespuesta.CORREO if correo else "",
            autorizacion_datos_version="" if anonima and not correo else "2024-01",
            autorizacion_datos_en=None if anonima and not correo else ahora,
            asunto=rng.choice(ASUNTOS.get(modalidad.codigo, ["Solicitud"])),
            descripcion="Texto de demostración generado automáticamente para pruebas de carga del portal.",
            plazo_dias=plazo,
            fecha_inicio_termino=efectiva,
            fecha_vencimiento=vencimiento,
            fecha_vencimiento_original=vencimiento,
        )
        condiciones = [rng.choice(self.condiciones)] if self.condiciones and rng.random() < 0.12 else []
        solicitud.prioritaria = any(c.da_prelacion for c in condiciones)
        eventos = self._tramitar(solicitud, efectiva, vencimiento, plazo or 15)
        return {"solicitud": solicitud, "condiciones": condiciones, "eventos": eventos}

    def _tramitar(self, s: Solicitud, efectiva: date, vencimiento: date | None, plazo: int) -> list[Evento]:
        """Pick a plausible state for the request's age and fill the fields that state requires."""
        rng = self.rng
        eventos = [
            Evento(
                tipo=TipoEvento.RADICADA, estado_nuevo=Estado.RADICADA, publico=True, momento=s.radicada_en
            )
        ]
        limite_respuesta = _sumar(efectiva, plazo + 5)
        if limite_respuesta < self.hoy:
            estado = rng.choices(
                [
                    Estado.CERRADA,
                    Estado.RESPONDIDA,
                    Estado.TRASLADADA,
                    Estado.DESISTIDA,
                    Estado.ARCHIVADA,
                    Estado.RECHAZADA,
                    Estado.ASIGNADA,
                ],
                [68, 16, 5, 3, 2, 1, 5],
            )[0]
        else:
            estado = rng.choices(
                [Estado.RADICADA, Estado.ASIGNADA, Estado.EN_ESPERA_CIUDADANO, Estado.RESPONDIDA],
                [25, 55, 8, 12],
            )[0]
        if estado == Estado.RADICADA:
            s.estado = estado
            return eventos
        s.dependencia = rng.choice(self.dependencias)
        asignada = _sumar(efectiva, 1)
        if asignada <= self.hoy:
            eventos.append(
                Evento(
                    tipo=TipoEvento.ASIGNADA,
                    estado_anterior=Estado.RADICADA,
                    estado_nuevo=Estado.ASIGNADA,
                    momento=_a_las(asignada, 9),
                )
            )
        if estado == Estado.ASIGNADA:
            s.estado = estado
            return eventos
        if estado == Estado.TRASLADADA:
            s.entidad_traslado = rng.choice(ENTIDADES)
            eventos.append(
                Evento(
                    tipo=TipoEvento.TRASLADADA,
                    estado_anterior=Estado.ASIGNADA,
                    estado_nuevo=estado,
                    publico=True,
                    momento=_a_las(_sumar(efectiva, 3), 11),
                    nota="Se remite por competencia.",
                )
            )
        elif estado in (Estado.EN_ESPERA_CIUDADANO, Estado.DESISTIDA):
            s.requerimiento_en = _sumar(efectiva, rng.randint(1, 8))
            s.fecha_limite_ciudadano = _efectiva(s.requerimiento_en + timedelta(days=30))
            eventos.append(
                Evento(
                    tipo=TipoEvento.REQUERIMIENTO_INFORMACION,
                    estado_anterior=Estado.ASIGNADA,
                    estado_nuevo=Estado.EN_ESPERA_CIUDADANO,
                    publico=True,
                    momento=_a_las(s.requerimiento_en, 10),
                    nota="Aporte la dirección exacta.",
                )
            )
            if estado == Estado.DESISTIDA:
                eventos.append(
                    Evento(
                        tipo=TipoEvento.DESISTIMIENTO,
                        estado_anterior=Estado.EN_ESPERA_CIUDADANO,
                        estado_nuevo=estado,
                        publico=True,
                        nota="No aportó la información.",
                        momento=_a_las(min(_sumar(s.fecha_limite_ciudadano, 2), self.hoy), 10),
                    )
                )
        elif estado in (Estado.ARCHIVADA, Estado.RECHAZADA):
            tipo = TipoEvento.ARCHIVADA if estado == Estado.ARCHIVADA else TipoEvento.RECHAZADA
            eventos.append(
                Evento(
                    tipo=tipo,
                    estado_anterior=Estado.ASIGNADA,
                    estado_nuevo=estado,
                    publico=True,
                    momento=_a_las(_sumar(efectiva, 5), 10),
                    nota="Decisión motivada (art. 19).",
                )
            )
        else:
            self._responder(s, efectiva, vencimiento, plazo, estado, eventos)
        s.estado = estado
        return eventos

    def _responder(self, s, efectiva, vencimiento, plazo, estado, eventos) -> None:
        rng = self.rng
        if vencimiento and rng.random() < 0.05:
            s.prorrogada = True
            s.fecha_vencimiento = vencimiento = _sumar(efectiva, 2 * plazo - rng.randint(0, plazo // 2))
        # Most on time; about 12% late.
        dias = rng.randint(1, plazo) if rng.random() < 0.88 else rng.randint(plazo + 1, plazo + 5)
        respuesta = min(_sumar(efectiva, dias), self.hoy)
        s.respondida_en = _a_las(respuesta, 15)
        s.dias_habiles_respuesta = max(0, calendario.dias_habiles_entre(efectiva, respuesta))
        s.respondida_a_tiempo = vencimiento is None or respuesta <= vencimiento
        s.sentido_respuesta = (
            SentidoRespuesta.NIEGA
            if s.modalidad.es_acceso_informacion and rng.random() < 0.08
            else SentidoRespuesta.DE_FONDO
        )
        if s.anonima and not s.correo:
            s.publicada_hasta = _sumar(respuesta, 5)
        eventos.append(
            Evento(
                tipo=TipoEvento.RESPONDIDA,
                estado_anterior=Estado.ASIGNADA,
                estado_nuevo=Estado.RESPONDIDA,
                publico=True,
                momento=s.respondida_en,
                nota="Respuesta de fondo generada para demostración.",
                datos={"dias_habiles": s.dias_habiles_respuesta, "a_tiempo": s.respondida_a_tiempo},
            )
        )
        if estado == Estado.CERRADA:
            s.notificada_en = s.respondida_en + timedelta(hours=1)
            eventos.append(
                Evento(
                    tipo=TipoEvento.NOTIFICADA,
                    estado_anterior=Estado.RESPONDIDA,
                    estado_nuevo=estado,
                    publico=True,
                    momento=s.notificada_en,
                    nota="Notificación por correo electrónico.",
                )
            )

    @transaction.atomic
    def _guardar(self, filas: list[dict]) -> int:
        solicitudes = Solicitud.objects.bulk_create([f["solicitud"] for f in filas])
        eventos, condiciones = [], []
        Condicion = Solicitud.condiciones.through
        for fila, solicitud in zip(filas, solicitudes, strict=True):
            for evento in fila["eventos"]:
                evento.solicitud_id = solicitud.pk
                eventos.append(evento)
            condiciones += [
                Condicion(solicitud_id=solicitud.pk, condicionpoblacional_id=c.pk)
                for c in fila["condiciones"]
            ]
        Evento.objects.bulk_create(eventos, batch_size=5000)
        Condicion.objects.bulk_create(condiciones, batch_size=5000)
        return len(solicitudes)

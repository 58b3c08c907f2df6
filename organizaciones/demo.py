"""Demo organizations for `make run`: juntas of four comunas of Cali and a vereda of Pance, an Asocomunal,
a JAL, other registered organizations, their dignatarios for the current period, books, statutes,
certificates, IVC and procedures in every state — all through the services, dated back from today.

Organizations recognized before the portal are registered with their paper act
(`services.registro.registrar_existente`); everything after that is a procedure filed, reviewed and
decided as the office would. Registered from `organizaciones.apps` with
`civic.services.demo.registrar_carga`; runs once (skipped when the registry has organizations) and only
where `cargar_demo` runs, which refuses to without DEBUG.
"""

import random
from datetime import date, datetime, time, timedelta
from itertools import count

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify
from stdnum.co import nit as stdnum_nit

from civic import calendario
from civic.models import Comuna, Usuario
from civic.sitio.politica import POLITICA_DATOS_VERSION
from organizaciones import periodos
from organizaciones.models import (
    Canal,
    Cargo,
    ClaseTerritorio,
    ClaseTramite,
    DocumentoRequerido,
    Genero,
    Organizacion,
    TipoLibro,
    TipoOrganizacion,
)
from organizaciones.services import certificados, ivc, radicacion, registro
from organizaciones.services import tramite as servicios
from organizaciones.services.tramite import MedioNotificacion

AUTORIDAD_ANTERIOR = "Departamento Administrativo de Desarrollo e Innovación Institucional"
# The juntas of acción comunal registered on paper, by comuna (Cali's own barrio names).
JUNTAS = {
    15: ["El Retiro", "Comuneros I", "Laureano Gómez", "El Vallado", "Mojica"],
    18: ["Meléndez", "Buenos Aires", "Alto Jordán", "Los Chorros", "Polvorines"],
    3: ["San Antonio", "San Cayetano", "El Peñón"],
    20: ["Siloé", "Belén", "Brisas de Mayo", "Tierra Blanca"],
}
MUJERES = [
    "Luz Marina", "María Fernanda", "Ana Milena", "Diana Carolina", "Paola Andrea", "Claudia Patricia",
    "Yolanda", "Gloria Inés", "Sandra Milena", "Leidy Johana", "Yesenia", "Marleny", "Aurora", "Nubia",
    "Rosa Elvira", "Francia Elena",
]  # fmt: skip
HOMBRES = [
    "Juan Carlos", "José Luis", "Luis Fernando", "Carlos Andrés", "Jhon Jairo", "Andrés Felipe",
    "Jorge Eliécer", "Víctor Hugo", "Diego Alejandro", "Edwin", "Harold", "Wilson", "Hernán", "Jairo",
]  # fmt: skip
APELLIDOS = [
    "Rentería", "Mosquera", "Caicedo", "Valencia", "Ospina", "Zúñiga", "Angulo", "Riascos", "Cuero",
    "Hurtado", "Arboleda", "Cardona", "Quintero", "Banguero", "Popo", "Ararat", "Lucumí", "Sinisterra",
]  # fmt: skip
# A JAC's junta (arts. 33-35): 13 people, the works and health committees coordinated.
JUNTA_JAC = [
    (Cargo.PRESIDENTE, ""), (Cargo.VICEPRESIDENTE, ""), (Cargo.TESORERO, ""), (Cargo.SECRETARIO, ""),
    (Cargo.FISCAL, ""), (Cargo.FISCAL_SUPLENTE, ""), (Cargo.CONCILIADOR, ""), (Cargo.CONCILIADOR, ""),
    (Cargo.CONCILIADOR, ""), (Cargo.DELEGADO, ""), (Cargo.DELEGADO_SUPLENTE, ""),
    (Cargo.COORDINADOR_COMISION, "Obras y vivienda"), (Cargo.COORDINADOR_COMISION, "Salud y deporte"),
]  # fmt: skip
JUNTA_ASOCOMUNAL = [
    (Cargo.PRESIDENTE, ""), (Cargo.VICEPRESIDENTE, ""), (Cargo.TESORERO, ""), (Cargo.SECRETARIO, ""),
    (Cargo.FISCAL, ""), (Cargo.CONCILIADOR, ""), (Cargo.CONCILIADOR, ""), (Cargo.DELEGADO, ""),
]  # fmt: skip
JUNTA_OTRA = [(Cargo.REPRESENTANTE_LEGAL, ""), (Cargo.TESORERO, ""), (Cargo.SECRETARIO, "")]
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class _Demo:
    def __init__(self):
        self.hoy = timezone.localdate()
        self.rng = random.Random(2166)
        self.ivc = Usuario.objects.get(username="ivc")
        self.ventanilla = Usuario.objects.filter(username="ventanilla").first() or self.ivc
        self.comunas = {c.numero: c for c in Comuna.objects.filter(tipo=Comuna.Tipo.COMUNA)}
        self.corregimientos = {c.nombre: c for c in Comuna.objects.filter(tipo=Comuna.Tipo.CORREGIMIENTO)}
        self.personas = count(1)
        self.nits = count(1)
        self.juntas: dict[str, Organizacion] = {}

    # Dates ----------------------------------------------------------------------------------------

    def dia(self, atras: int) -> date:
        """A business day `atras` calendar days ago, never after today."""
        return min(calendario.habil_o_siguiente(self.hoy - timedelta(days=atras)), self.hoy)

    def momento(self, dia: date, hora: int = 9) -> datetime:
        return timezone.make_aware(datetime.combine(dia, time(hora, 30)))

    def despues(self, dia: date, habiles: int) -> date:
        return min(calendario.sumar_dias_habiles(dia, habiles), self.hoy)

    # Data -----------------------------------------------------------------------------------------

    def nit(self) -> str:
        base = str(900_300_000 + 7919 * next(self.nits))
        return f"{base}-{stdnum_nit.calc_check_digit(base)}"

    def junta(self, cargos, *, inicio: date, fin: date, mujeres: float = 0.46) -> list[dict]:
        """People nobody else in the demo has (art. 35), at least 30% women (art. 33)."""
        n_mujeres = max(1, round(mujeres * len(cargos)))
        generos = [Genero.MUJER] * n_mujeres + [Genero.HOMBRE] * (len(cargos) - n_mujeres)
        self.rng.shuffle(generos)
        filas = []
        for (cargo, comision), genero in zip(cargos, generos, strict=True):
            n = next(self.personas)
            mujer = genero == Genero.MUJER
            filas.append(
                {
                    "nombres": self.rng.choice(MUJERES if mujer else HOMBRES),
                    "apellidos": f"{self.rng.choice(APELLIDOS)} {self.rng.choice(APELLIDOS)}",
                    "tipo_documento": "CC",
                    "numero_documento": str((31_400_000 if mujer else 16_700_000) + 733 * n),
                    "genero": genero,
                    "cargo": cargo,
                    "comision": comision,
                    "inicio": inicio,
                    "fin": fin,
                }
            )
        return filas

    def peticionario(self, nombre: str, nombres="Luz Marina", apellidos="Rentería Popo") -> dict:
        """The legal representative filing for the organization called `nombre`."""
        slug = slugify(nombre).replace("-", "")[-24:]
        return {
            "tipo_documento": "CC",
            "numero_documento": str(29_500_000 + 97 * next(self.personas)),
            "nombres": nombres,
            "apellidos": apellidos,
            "correo": f"{slug}@correo.example",
            "telefono": f"315{self.rng.randint(1_000_000, 9_999_999)}",
            "direccion": "Sede comunal",
            "autorizacion_datos_version": POLITICA_DATOS_VERSION,
        }

    def documentos(self, clase: str) -> dict:
        return {
            d.pk: [SimpleUploadedFile(f"{clase}-{d.orden + 1}.pdf", PDF, content_type="application/pdf")]
            for d in DocumentoRequerido.objects.filter(tipo__clase=clase, obligatorio=True)
        }

    # Registry -------------------------------------------------------------------------------------

    def existente(self, tipo, nombre, comuna, *, anio: int, afiliados: int = 0, **extra) -> Organizacion:
        numero = self.rng.randint(100, 2400)
        fecha = date(anio, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return registro.registrar_existente(
            datos={
                "tipo": tipo,
                "nombre": nombre,
                "nit": self.nit(),
                "comuna": comuna,
                "afiliados": afiliados,
                "fecha_constitucion": fecha - timedelta(days=self.rng.randint(60, 400)),
                "personeria_numero": f"Resolución {numero:04d} de {anio}",
                "personeria_fecha": fecha,
                "personeria_autoridad": extra.pop("autoridad", AUTORIDAD_ANTERIOR),
                "ultima_actividad": self.dia(self.rng.randint(20, 200)),
                **extra,
            },
            actor=self.ivc,
        )

    def jac(
        self, barrio: str, comuna: Comuna, *, vereda: bool = False, inactiva: bool = False
    ) -> Organizacion:
        organizacion = self.existente(
            TipoOrganizacion.JAC,
            f"Junta de Acción Comunal {'Vereda' if vereda else 'Barrio'} {barrio}",
            comuna,
            anio=self.rng.randint(1968, 2005),
            afiliados=self.rng.randint(35, 60) if vereda else self.rng.randint(90, 480),
            clase_territorio=ClaseTerritorio.VEREDA if vereda else ClaseTerritorio.BARRIO_CAPITAL,
            direccion=f"Sede comunal, {'vereda' if vereda else 'barrio'} {barrio}",
            correo_contacto=f"jac.{slugify(barrio).replace('-', '')}@correo.example",
            telefono_contacto=f"60223{self.rng.randint(10000, 99999)}",
            contacto_publico=self.rng.random() < 0.6,
            **({"ultima_actividad": self.hoy - timedelta(days=540)} if inactiva else {}),
        )
        self.juntas[barrio] = organizacion
        return organizacion

    # Procedures -----------------------------------------------------------------------------------

    def radicar(self, clase, organizacion=None, *, dia: date, canal=Canal.PORTAL, peticionario=None, **kw):
        tramite, _codigo = radicacion.radicar(
            clase=clase,
            organizacion=organizacion,
            peticionario={}
            if canal == Canal.OFICIO
            else peticionario or self.peticionario(organizacion.nombre),
            documentos=self.documentos(clase),
            canal=canal,
            actor=None if canal == Canal.PORTAL else self.ivc,
            ahora=self.momento(dia),
            **kw,
        )
        return tramite

    def decidir(self, tramite, *, dia: date, aprobar=True, notificar=True, considerandos="", requerir=""):
        """Review, optionally require and correct, decide on `dia` and notify three business days later."""
        servicios.revisar(tramite=tramite, actor=self.ivc, ahora=self.momento(dia, 8))
        if requerir:
            servicios.requerir(
                tramite=tramite, requerimiento=requerir, actor=self.ivc, ahora=self.momento(dia)
            )
            servicios.corregir(
                tramite=tramite,
                texto="Adjuntamos lo solicitado.",
                archivos=[SimpleUploadedFile("correccion.pdf", PDF, content_type="application/pdf")],
                ahora=self.momento(self.despues(dia, 4)),
            )
            dia = self.despues(dia, 6)
        decision = servicios.aprobar if aprobar else servicios.negar
        decision(
            tramite=tramite,
            considerandos=considerandos
            or "Revisada la documentación aportada, cumple los requisitos de la Ley 2166 de 2021.",
            actor=self.ivc,
            ahora=self.momento(dia, 11),
        )
        if notificar:
            servicios.notificar(
                tramite=tramite,
                medio=self.rng.choice([MedioNotificacion.CORREO, MedioNotificacion.PERSONAL]),
                actor=self.ivc,
                ahora=self.momento(self.despues(dia, 3), 15),
            )
        tramite.refresh_from_db()
        return tramite

    def inscribir(self, organizacion, cargos, *, inicio, fin, radicada: date, notificar=True, mujeres=0.46):
        tramite = self.radicar(
            ClaseTramite.INSCRIPCION_DIGNATARIOS,
            organizacion,
            dia=radicada,
            dignatarios=self.junta(cargos, inicio=inicio, fin=fin, mujeres=mujeres),
        )
        return self.decidir(
            tramite,
            dia=self.despues(radicada, self.rng.randint(5, 12)),
            notificar=notificar,
            considerandos="La elección se hizo conforme a los estatutos, con tribunal de garantías "
            "conformado en término; la plancha cumple la participación de mujeres (art. 33).",
        )


def cargar(stdout) -> None:
    if Organizacion.objects.exists():
        stdout.write("Organizaciones de demostración: ya hay organizaciones, no se cargan más.")
        return
    # The demo's mail goes nowhere (acknowledgements, requirements, decisions: dozens of them).
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        _cargar(_Demo())
    stdout.write(
        f"Organizaciones de demostración: {Organizacion.objects.count()} organizaciones con dignatarios, "
        "libros, estatutos, certificados y trámites en todos los estados."
    )


def _cargar(d: _Demo) -> None:
    hoy, rng = d.hoy, d.rng
    inicio_jac, fin_jac = periodos.periodo(TipoOrganizacion.JAC, hoy)
    # Inscriptions are filed in the weeks after the period starts (or in the last weeks, early in one).
    primera = max(inicio_jac + timedelta(days=5), hoy - timedelta(days=120))

    # The juntas registered on paper, and one vereda of Pance.
    for numero, barrios in JUNTAS.items():
        for barrio in barrios:
            # Tierra Blanca: a year and a half without activity, cancelled de oficio below.
            d.jac(barrio, d.comunas[numero], inactiva=barrio == "Tierra Blanca")
    d.jac("La Vorágine", d.corregimientos["Pance"], vereda=True)

    # The JAL of comuna 18 and its seven ediles (Ley 136 de 1994), inscribed at the window.
    jal = d.existente(
        TipoOrganizacion.JAL,
        "Junta Administradora Local de la Comuna 18",
        d.comunas[18],
        anio=1989,
        autoridad="Concejo de Santiago de Cali",
        direccion="CALI 18, Carrera 94 # 2-50",
        correo_contacto="jal18@correo.example",
        contacto_publico=True,
    )
    inicio_jal, fin_jal = periodos.periodo(TipoOrganizacion.JAL, hoy)
    ediles = d.radicar(
        ClaseTramite.INSCRIPCION_DIGNATARIOS,
        jal,
        dia=d.dia(210),
        canal=Canal.VENTANILLA,
        descripcion="Credenciales de la Registraduría para el periodo constitucional.",
        dignatarios=d.junta([(Cargo.EDIL, "")] * 7, inicio=inicio_jal, fin=fin_jal, mujeres=0.43),
    )
    d.decidir(ediles, dia=d.dia(200), considerandos="Ediles elegidos por votación popular (Ley 136 de 1994).")

    # Other registered organizations: registry data and their legal representative.
    camara = "Cámara de Comercio de Cali"
    otras = [
        (TipoOrganizacion.FUNDACION, "Fundación Cultural Loma de la Cruz", 3, 2008, 0.34, camara),
        (TipoOrganizacion.MUJERES, "Asociación de Mujeres Tejedoras de Siloé", 20, 2012, 1.0, camara),
        (
            TipoOrganizacion.CABILDO,
            "Cabildo Indígena Yanacona de Santiago de Cali",
            18,
            2002,
            0.34,
            "Ministerio del Interior",
        ),
        (TipoOrganizacion.JOVENES, "Colectivo Juvenil Meléndez Suena", 18, 2019, 0.67, camara),
    ]
    for tipo, nombre, numero, anio, mujeres, autoridad in otras:
        organizacion = d.existente(tipo, nombre, d.comunas[numero], anio=anio, autoridad=autoridad)
        d.inscribir(
            organizacion,
            JUNTA_OTRA,
            inicio=d.dia(200),
            fin=d.dia(200) + timedelta(days=2 * 365),
            radicada=d.dia(190),
            mujeres=mujeres,
        )
    consejo = d.existente(
        TipoOrganizacion.CONSEJO_AFRO,
        "Consejo Comunitario de Comunidades Negras del Río Cauca – El Hormiguero",
        d.corregimientos["El Hormiguero"],
        anio=2004,
        autoridad="Ministerio del Interior",
        afiliados=180,
    )
    d.inscribir(
        consejo, JUNTA_OTRA, inicio=d.dia(180), fin=d.dia(180) + timedelta(days=3 * 365), radicada=d.dia(175)
    )

    # Their juntas for the period, inscribed and notified; a few left for the states below.
    pendientes = {"Los Chorros", "Polvorines", "Tierra Blanca"}
    for n, (barrio, organizacion) in enumerate(d.juntas.items()):
        if barrio in pendientes:
            continue
        d.inscribir(
            organizacion,
            JUNTA_JAC,
            inicio=inicio_jac,
            fin=fin_jac,
            radicada=d.dia((hoy - primera).days - 2 * n),
            notificar=barrio != "Meléndez",
        )

    # A junta recognized on the portal: required to correct, corrected, approved, its junta inscribed.
    mario_correa = d.radicar(
        ClaseTramite.RECONOCIMIENTO,
        dia=d.dia(95),
        nueva={
            "tipo": TipoOrganizacion.JAC,
            "nombre": "Junta de Acción Comunal Urbanización Mario Correa Rengifo",
            "nit": d.nit(),
            "comuna": d.comunas[18],
            "clase_territorio": ClaseTerritorio.BARRIO_CAPITAL,
            "afiliados": 112,
            "direccion": "Carrera 94 # 1-40 Oeste",
            "fecha_constitucion": d.dia(130),
        },
        peticionario=d.peticionario("mariocorrearengifo", "Francia Elena", "Sinisterra Cuero"),
    )
    d.decidir(
        mario_correa,
        dia=d.dia(88),
        requerir="El listado de afiliados no trae el número de documento de cada uno: complételo.",
        considerandos="Con el listado corregido, reúne 112 afiliados, más de los 75 que exige el art. 11.",
    )
    d.juntas["Mario Correa Rengifo"] = mario_correa.organizacion
    d.inscribir(mario_correa.organizacion, JUNTA_JAC, inicio=inicio_jac, fin=fin_jac, radicada=d.dia(70))

    # The Asocomunal of comuna 15: four of its five juntas (80 % > 60 %, art. 11), recognized, its junta.
    comuna15 = [d.juntas[b] for b in JUNTAS[15]]
    asocomunal = d.radicar(
        ClaseTramite.RECONOCIMIENTO,
        dia=d.dia(80),
        nueva={
            "tipo": TipoOrganizacion.ASOCOMUNAL,
            "nombre": "Asociación de Juntas de Acción Comunal de la Comuna 15 (Asocomunal 15)",
            "nit": d.nit(),
            "comuna": d.comunas[15],
            "afiliados": 4,
            "direccion": "Calle 48 # 39-20, Comuneros I",
            "correo_contacto": "asocomunal15@correo.example",
            "contacto_publico": True,
            "afiliadas": comuna15[:4],
        },
        peticionario=d.peticionario("asocomunal15", "Gloria Inés", "Ararat Cuero"),
    )
    d.decidir(asocomunal, dia=d.dia(70))
    inicio_aso, fin_aso = periodos.periodo(TipoOrganizacion.ASOCOMUNAL, hoy)
    d.inscribir(asocomunal.organizacion, JUNTA_ASOCOMUNAL, inicio=inicio_aso, fin=fin_aso, radicada=d.dia(60))

    # Statutes: a reform approved and notified (El Retiro), another under review (San Antonio).
    d.decidir(
        d.radicar(
            ClaseTramite.REFORMA_ESTATUTOS, d.juntas["El Retiro"], dia=d.dia(60),
            datos={"fecha_asamblea": d.dia(75)},
        ),
        dia=d.dia(50),
        considerandos="La asamblea aprobó la reforma con el quórum del art. 32; se ajusta a la Ley 2166.",
    )  # fmt: skip
    servicios.revisar(
        tramite=d.radicar(
            ClaseTramite.REFORMA_ESTATUTOS, d.juntas["San Antonio"], dia=d.dia(9),
            datos={"fecha_asamblea": d.dia(30)},
        ),
        actor=d.ivc,
    )  # fmt: skip

    # Books (art. 65): registered and notified, approved awaiting notification, just filed.
    libros = [
        {"tipo": TipoLibro.TESORERIA, "folios": 100},
        {"tipo": TipoLibro.INVENTARIOS, "folios": 50},
        {"tipo": TipoLibro.ACTAS_ASAMBLEA, "folios": 200},
        {"tipo": TipoLibro.AFILIADOS, "folios": 100},
        {"tipo": TipoLibro.CONVIVENCIA, "folios": 50},
        {"tipo": TipoLibro.JUNTA_DIRECTIVA, "folios": 100},
    ]
    for barrio, notificar, atras in (("El Retiro", True, 45), ("Siloé", True, 40), ("Meléndez", False, 20)):
        d.decidir(
            d.radicar(ClaseTramite.REGISTRO_LIBROS, d.juntas[barrio], dia=d.dia(atras), libros=libros),
            dia=d.dia(atras - 8),
            notificar=notificar,
            considerandos="Los libros están foliados y sin escritura; se registran (art. 65).",
        )
    d.radicar(ClaseTramite.REGISTRO_LIBROS, d.juntas["El Peñón"], dia=d.dia(2), libros=libros[:2])

    # Filed and waiting: a new junta's recognition (Ciudad Córdoba, comuna 15).
    d.radicar(
        ClaseTramite.RECONOCIMIENTO,
        dia=d.dia(3),
        nueva={
            "tipo": TipoOrganizacion.JAC,
            "nombre": "Junta de Acción Comunal Barrio Ciudad Córdoba",
            "nit": d.nit(),
            "comuna": d.comunas[15],
            "clase_territorio": ClaseTerritorio.BARRIO_CAPITAL,
            "afiliados": 96,
            "direccion": "Calle 54 # 46-15",
        },
        peticionario=d.peticionario("ciudadcordoba", "Yesenia", "Lucumí Angulo"),
    )
    # Required to correct: Polvorines' junta (its term paused until it answers).
    polvorines = d.radicar(
        ClaseTramite.INSCRIPCION_DIGNATARIOS, d.juntas["Polvorines"], dia=d.dia(15),
        dignatarios=d.junta(JUNTA_JAC, inicio=inicio_jac, fin=fin_jac),
    )  # fmt: skip
    servicios.revisar(tramite=polvorines, actor=d.ivc, ahora=d.momento(d.dia(7)))
    servicios.requerir(
        tramite=polvorines,
        requerimiento="El acta de elección no tiene la firma del tribunal de garantías: apórtela firmada.",
        actor=d.ivc,
        ahora=d.momento(d.dia(6)),
    )
    # Under review: Los Chorros' junta.
    servicios.revisar(
        tramite=d.radicar(
            ClaseTramite.INSCRIPCION_DIGNATARIOS, d.juntas["Los Chorros"], dia=d.dia(12),
            dignatarios=d.junta(JUNTA_JAC, inicio=inicio_jac, fin=fin_jac),
        ),
        actor=d.ivc,
    )  # fmt: skip

    # Denied: an election out of term without a justified cause (Siloé), and a challenge to Buenos Aires'
    # inscription, denied and notified.
    d.decidir(
        d.radicar(
            ClaseTramite.ELECCION_FUERA_TERMINO, d.juntas["Siloé"], dia=d.dia(25),
            datos={"fecha_eleccion": hoy + timedelta(days=30), "causa": "La junta saliente no convocó."},
        ),
        dia=d.dia(14),
        aprobar=False,
        notificar=False,
        considerandos="La causa alegada no es de fuerza mayor ni caso fortuito (art. 36, parágrafo 2).",
    )  # fmt: skip
    buenos_aires = d.juntas["Buenos Aires"]
    d.decidir(
        d.radicar(
            ClaseTramite.IMPUGNACION, buenos_aires, dia=d.dia(35),
            resolucion_impugnada=buenos_aires.resoluciones.get(clase=ClaseTramite.INSCRIPCION_DIGNATARIOS),
            descripcion="Se alega que votaron personas no afiliadas.",
            peticionario=d.peticionario("impugnante", "Harold", "Banguero Popo"),
        ),
        dia=d.dia(22),
        aprobar=False,
        considerandos="El libro de afiliados muestra que todos los votantes estaban inscritos.",
    )  # fmt: skip

    # Certificates: one by procedure (El Vallado), two at the window, one of them revoked and reissued.
    d.decidir(
        d.radicar(ClaseTramite.CERTIFICADO, d.juntas["El Vallado"], dia=d.dia(10)),
        dia=d.dia(8),
        notificar=False,
        considerandos="La organización tiene personería vigente y dignatarios inscritos.",
    )
    certificados.expedir(organizacion=d.juntas["El Retiro"], actor=d.ivc, ahora=d.momento(d.dia(30), 11))
    errado = certificados.expedir(organizacion=d.juntas["Mojica"], actor=d.ivc, ahora=d.momento(d.dia(18)))
    certificados.revocar(
        certificado=errado,
        motivo="Se expidió con el nombre del tesorero mal escrito; se reemplaza por uno nuevo.",
        actor=d.ivc,
        ahora=d.momento(d.dia(17)),
    )
    certificados.expedir(organizacion=d.juntas["Mojica"], actor=d.ivc, ahora=d.momento(d.dia(17), 10))
    # Brisas de Mayo's certificate predates its suspension: verifying it says so.
    certificados.expedir(organizacion=d.juntas["Brisas de Mayo"], actor=d.ivc, ahora=d.momento(d.dia(40)))

    # IVC: a visit to Los Chorros with a requirement still open.
    ivc.registrar_visita(
        organizacion=d.juntas["Los Chorros"],
        fecha=d.dia(7),
        hallazgos="El libro de tesorería no registra movimientos desde marzo; no hay soportes de gastos.",
        actor=d.ivc,
        requerimientos=[
            {
                "descripcion": "Presentar el libro de tesorería al día y el informe financiero de 2025.",
                "plazo_dias": 15,
            }
        ],
    )
    # Sanctions de oficio: Brisas de Mayo suspended 90 days, Tierra Blanca cancelled.
    suspension = d.radicar(
        ClaseTramite.SUSPENSION,
        d.juntas["Brisas de Mayo"],
        dia=d.dia(21),
        canal=Canal.OFICIO,
        descripcion="No atendió los requerimientos de IVC sobre el libro de tesorería.",
        datos={"hasta": (hoy + timedelta(days=90)).isoformat()},
    )
    d.decidir(suspension, dia=d.dia(10), considerandos="Causal de suspensión verificada en la visita de IVC.")
    cancelacion = d.radicar(
        ClaseTramite.CANCELACION,
        d.juntas["Tierra Blanca"],
        dia=d.dia(60),
        canal=Canal.OFICIO,
        descripcion="Más de un año sin actividad ni dignatarios inscritos (art. 36).",
    )
    d.decidir(
        cancelacion, dia=d.dia(45), considerandos="Inactividad comprobada; no hay liquidador designado."
    )

    # A training session for the juntas of comuna 15.
    ivc.registrar_capacitacion(
        fecha=d.dia(33),
        tema="Ley 2166 de 2021: elecciones, tribunal de garantías y libros",
        asistentes=rng.randint(28, 45),
        organizaciones=[*comuna15, asocomunal.organizacion],
        comuna=d.comunas[15],
    )

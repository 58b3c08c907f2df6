from datetime import datetime
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from civic.models import Comuna, Dependencia, Usuario
from pqrs import services
from pqrs.models import Canal, Modalidad, Solicitud
from pqrs.roles import COORDINACION_PQRS

BOGOTA = ZoneInfo("America/Bogota")


def en_bogota(anio: int, mes: int, dia: int, hora: int = 10, minuto: int = 0) -> datetime:
    return datetime(anio, mes, dia, hora, minuto, tzinfo=BOGOTA)


def modalidad(codigo: str = "peticion-interes-general") -> Modalidad:
    return Modalidad.objects.get(codigo=codigo)


class DependenciaFactory(DjangoModelFactory):
    class Meta:
        model = Dependencia
        django_get_or_create = ("sigla",)

    nombre = factory.Sequence(lambda n: f"Secretaría de prueba {n}")
    sigla = factory.Sequence(lambda n: f"SP{n}")
    correo = factory.LazyAttribute(lambda o: f"{o.sigla.lower()}@alcaldia.test")


class ComunaFactory(DjangoModelFactory):
    class Meta:
        model = Comuna
        django_get_or_create = ("tipo", "numero")

    tipo = Comuna.Tipo.COMUNA
    numero = factory.Sequence(lambda n: 100 + n)
    nombre = factory.LazyAttribute(lambda o: f"Comuna {o.numero}")
    zona = Comuna.Zona.URBANA


class FuncionarioFactory(DjangoModelFactory):
    class Meta:
        model = Usuario
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"funcionario{n}")
    first_name = "Ana"
    last_name = factory.Sequence(lambda n: f"Gómez {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@alcaldia.test")
    is_staff = True
    dependencia = factory.SubFactory(DependenciaFactory)


def coordinador(**kwargs) -> Usuario:
    usuario = FuncionarioFactory(dependencia=None, **kwargs)
    usuario.groups.add(Group.objects.get_or_create(name=COORDINACION_PQRS)[0])
    return usuario


class SolicitudFactory(factory.Factory):
    """Files through `services.radicar`, as production does; the clear code is left on `codigo_claro`."""

    class Meta:
        model = Solicitud

    modalidad = factory.LazyFunction(modalidad)
    canal = Canal.WEB
    asunto = "Reparación del alumbrado público"
    descripcion = "Las luminarias de la calle 5 llevan dos semanas apagadas."
    tipo_documento = "CC"
    numero_documento = factory.Sequence(lambda n: f"{10_000_000 + n}")
    nombres = "Luz Marina"
    apellidos = "Rentería Caicedo"
    correo = factory.Sequence(lambda n: f"ciudadano{n}@correo.test")
    autorizacion_datos_version = "2026-01"
    ahora = factory.LazyFunction(lambda: en_bogota(2026, 3, 20))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        solicitud, codigo = services.radicar(**kwargs)
        solicitud.codigo_claro = codigo
        return solicitud

    _build = _create


def anonima(**kwargs) -> Solicitud:
    datos = {
        "anonima": True,
        "tipo_documento": "",
        "numero_documento": "",
        "nombres": "",
        "apellidos": "",
        "correo": "",
        "autorizacion_datos_version": "",
    }
    datos.update(kwargs)
    return SolicitudFactory(**datos)

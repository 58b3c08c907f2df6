import factory
from django.contrib.auth.models import Group

from civic.models import Usuario
from pqrs import services
from pqrs.models import Canal, Entidad, Modalidad, Solicitud
from pqrs.roles import COORDINACION_PQRS
from tests.civic.fabricas import BOGOTA, ComunaFactory, DependenciaFactory, FuncionarioFactory, en_bogota

__all__ = ["BOGOTA", "ComunaFactory", "DependenciaFactory", "FuncionarioFactory", "en_bogota"]


def modalidad(codigo: str = "peticion-interes-general") -> Modalidad:
    return Modalidad.objects.get(codigo=codigo)


def entidad(nombre: str = "Gobernación del Valle del Cauca", **kwargs) -> Entidad:
    return Entidad.objects.get_or_create(
        nombre=nombre, defaults={"correo": "radicacion@gobernacion.example.gov.co", **kwargs}
    )[0]


def tribunal() -> Entidad:
    return entidad(
        "Tribunal Administrativo del Valle del Cauca",
        correo="secretaria@tribunal.example.gov.co",
        tipo=Entidad.Tipo.TRIBUNAL,
    )


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

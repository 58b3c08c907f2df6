"""Factories of the kernel's rows (territory, dependencias, staff) and time helpers, for every app's tests."""

from datetime import datetime
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from civic.models import Comuna, Dependencia, Usuario

BOGOTA = ZoneInfo("America/Bogota")


def en_bogota(anio: int, mes: int, dia: int, hora: int = 10, minuto: int = 0) -> datetime:
    return datetime(anio, mes, dia, hora, minuto, tzinfo=BOGOTA)


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


# Every staff member is a user of a dependencia.
UsuarioFactory = FuncionarioFactory

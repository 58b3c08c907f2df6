"""Factories and helpers for the consejos' tests: an instancia with members, a held session with its
agenda and attendance, ready for its acta."""

from datetime import date

import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from consejos.models import Asistencia, Instancia, Integrante, PuntoAgenda
from consejos.roles import SECRETARIA_CONSEJOS
from consejos.services import sesiones
from tests.civic.fabricas import ComunaFactory, DependenciaFactory, FuncionarioFactory, en_bogota


class InstanciaFactory(DjangoModelFactory):
    class Meta:
        model = Instancia

    nombre = factory.Sequence(lambda n: f"Gobierno en la comuna {n}")
    tipo = "gobierno_comunas"
    comuna = factory.SubFactory(ComunaFactory)
    secretaria_tecnica = factory.SubFactory(DependenciaFactory)


def secretaria(**kwargs):
    usuario = FuncionarioFactory(**kwargs)
    usuario.groups.add(Group.objects.get(name=SECRETARIA_CONSEJOS))
    return usuario


def integrantes(instancia, n: int = 4) -> list[Integrante]:
    roles = ["preside", "secretaria_tecnica", *["miembro"] * (n - 2)]
    return [
        Integrante.objects.create(
            instancia=instancia,
            nombre=f"Integrante {i}",
            cargo="Alcalde" if roles[i] == "preside" else "",
            sector="administracion" if i < 2 else "comunidad",
            rol=roles[i],
            inicio=date(2026, 1, 1),
        )
        for i in range(n)
    ]


def sesion_realizada(instancia, actor, *, dia=(2026, 8, 4), presentes: int = 3, puntos: int = 2):
    """A session held on `dia` with its agenda and attendance; returns (sesion, acta)."""
    miembros = list(instancia.integrantes.all()) or integrantes(instancia)
    sesion = sesiones.programar(
        instancia=instancia,
        inicio=en_bogota(*dia, 9),
        lugar="Sede comunal",
        actor=actor,
        comuna=instancia.comuna,
    )
    for orden in range(1, puntos + 1):
        PuntoAgenda.objects.create(
            sesion=sesion,
            orden=orden,
            titulo=f"Transporte masivo en la comuna, punto {orden}",
            desarrollo="La comunidad expuso la situación de las rutas alimentadoras del MIO.",
        )
    for i, miembro in enumerate(miembros):
        Asistencia.objects.create(
            sesion=sesion, integrante=miembro, estado="presente" if i < presentes else "ausente"
        )
    acta = sesiones.realizar(sesion=sesion, actor=actor)
    return sesion, acta

"""The rules of Ley 2166 de 2021 an organization's data must meet, each refusing in Spanish.

Pure functions over values (and one count for the Asocomunal rule): the services call them before
writing; the forms show their errors next to the field named in the ValidationError.
"""

import math
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Cargo, ClaseTerritorio, Genero, TipoOrganizacion

# Art. 11 lit. a: minimum afiliados of a JAC by the kind of territory.
MINIMO_AFILIADOS_JAC = {
    ClaseTerritorio.BARRIO_CAPITAL: 75,
    ClaseTerritorio.CENTRO_URBANO: 50,
    ClaseTerritorio.SIN_BARRIOS: 30,
    ClaseTerritorio.VEREDA: 20,
}
MINIMO_FAMILIAS_JVC = 10  # art. 11 lit. b
PROPORCION_ASOCIACION = 0.6  # art. 11 lit. c: more than 60% of the territory's juntas
PROPORCION_MUJERES = 0.3  # art. 33 par.: at least 30% of the dignatarios are women


def minimo_afiliados(tipo: str, clase_territorio: str) -> int | None:
    if tipo == TipoOrganizacion.JAC:
        return MINIMO_AFILIADOS_JAC.get(clase_territorio)
    return None


def validar_constitucion(*, tipo: str, clase_territorio: str, afiliados: int, familias: int) -> None:
    """Art. 11: the minimum to constitute a JAC or a JVC."""
    if tipo == TipoOrganizacion.JAC:
        if not clase_territorio:
            raise ValidationError(
                {
                    "clase_territorio": _(
                        "Indique la clase de territorio: de ella depende el mínimo de afiliados."
                    )
                },
                code="requerido",
            )
        minimo = MINIMO_AFILIADOS_JAC[clase_territorio]
        if afiliados < minimo:
            raise ValidationError(
                {
                    "afiliados": _(
                        "Una junta de acción comunal en %(territorio)s necesita al menos %(minimo)s "
                        "afiliados (Ley 2166 de 2021, art. 11); la solicitud indica %(afiliados)s."
                    )
                    % {
                        "territorio": ClaseTerritorio(clase_territorio).label.lower(),
                        "minimo": minimo,
                        "afiliados": afiliados,
                    }
                },
                code="afiliados_insuficientes",
            )
    if tipo == TipoOrganizacion.JVC and familias < MINIMO_FAMILIAS_JVC:
        raise ValidationError(
            {
                "familias": _(
                    "Una junta de vivienda comunitaria necesita al menos %(minimo)s familias "
                    "(Ley 2166 de 2021, art. 11); la solicitud indica %(familias)s."
                )
                % {"minimo": MINIMO_FAMILIAS_JVC, "familias": familias}
            },
            code="familias_insuficientes",
        )


def validar_asociacion(*, afiliadas: int, juntas_del_territorio: int) -> None:
    """Art. 11 lit. c: an Asocomunal gathers more than 60% of the JACs of its territory."""
    if juntas_del_territorio == 0 or afiliadas <= PROPORCION_ASOCIACION * juntas_del_territorio:
        necesarias = math.floor(PROPORCION_ASOCIACION * juntas_del_territorio) + 1
        raise ValidationError(
            {
                "afiliadas": _(
                    "Una asociación de juntas necesita más del 60%% de las juntas de acción comunal activas "
                    "de su territorio (Ley 2166 de 2021, art. 11): el territorio tiene %(total)s, se "
                    "necesitan al menos %(necesarias)s y la solicitud reúne %(afiliadas)s."
                )
                % {"total": juntas_del_territorio, "necesarias": necesarias, "afiliadas": afiliadas}
            },
            code="asociacion_insuficiente",
        )


def validar_junta(dignatarios: Iterable[dict], *, tipo: str) -> None:
    """Art. 33 parágrafo: at least 30% women among the dignatarios inscribed; a JAL's ediles are elected
    by the people (Ley 136/1994) and a JAL has 3 to 9 of them."""
    dignatarios = list(dignatarios)
    if not dignatarios:
        raise ValidationError({"dignatarios": _("Relacione al menos un dignatario.")}, code="requerido")
    if tipo == TipoOrganizacion.JAL:
        ediles = sum(1 for d in dignatarios if d["cargo"] == Cargo.EDIL)
        if not 3 <= ediles <= 9:
            raise ValidationError(
                {
                    "dignatarios": _(
                        "Una junta administradora local tiene entre 3 y 9 ediles "
                        "(Ley 136 de 1994, art. 119); la lista tiene %(n)s."
                    )
                    % {"n": ediles}
                },
                code="ediles",
            )
        return
    mujeres = sum(1 for d in dignatarios if d["genero"] == Genero.MUJER)
    necesarias = math.ceil(PROPORCION_MUJERES * len(dignatarios))
    if (
        tipo
        in (
            TipoOrganizacion.JAC,
            TipoOrganizacion.JVC,
            TipoOrganizacion.ASOCOMUNAL,
            TipoOrganizacion.FEDERACION,
        )
        and mujeres < necesarias
    ):
        raise ValidationError(
            {
                "dignatarios": _(
                    "Al menos el 30%% de los dignatarios deben ser mujeres (Ley 2166 de 2021, art. 33): de "
                    "%(total)s se necesitan %(necesarias)s y la lista tiene %(mujeres)s."
                )
                % {"total": len(dignatarios), "necesarias": necesarias, "mujeres": mujeres}
            },
            code="participacion_mujeres",
        )


def validar_periodo(inicio: date, fin: date) -> None:
    if fin <= inicio:
        raise ValidationError(
            {"fin": _("El fin del periodo debe ser posterior a su inicio.")}, code="periodo"
        )

"""The PQRS roles and what each staff role may do with requests, declared on the kernel's roles.

`pqrs.ver_datos_personales` opens the petitioner's identity, contact data, declared conditions and the
attachments (Ley 1581 de 2012 art. 4 lit. g: access restricted to those who need it); without it the
admin masks them.
"""

from civic import roles

COORDINACION_PQRS = "Coordinación PQRS"

CATALOGOS_LECTURA = (
    "pqrs.view_modalidad",
    "pqrs.view_condicionpoblacional",
    "pqrs.view_entidad",
    "pqrs.view_materiareservada",
)
_TRAMITE = (*CATALOGOS_LECTURA, "pqrs.view_solicitud", "pqrs.change_solicitud", "pqrs.ver_datos_personales")


def declarar() -> None:
    # Ley 1755/2015 art. 15: Ventanilla records verbal and paper petitions and issues the constancia.
    roles.conceder(
        roles.VENTANILLA,
        [*CATALOGOS_LECTURA, "pqrs.add_solicitud", "pqrs.view_solicitud", "pqrs.ver_datos_personales"],
    )
    roles.conceder(roles.FUNCIONARIO, _TRAMITE)
    roles.declarar(
        COORDINACION_PQRS,
        permisos=[
            *roles.territorio_lectura(),
            *_TRAMITE,
            "pqrs.add_solicitud",
            "pqrs.change_modalidad",
            "pqrs.add_condicionpoblacional",
            "pqrs.change_condicionpoblacional",
            # The entities it remits to (art. 21) and the reserves a denial may cite (art. 24).
            "pqrs.add_entidad",
            "pqrs.change_entidad",
            "pqrs.add_materiareservada",
            "pqrs.change_materiareservada",
            "civic.view_notificacion",
            "civic.change_notificacion",
            "civic.view_dianohabil",
        ],
        demo=("coordinacion", "Luz Mary", "Caicedo", "SDTPC"),
    )

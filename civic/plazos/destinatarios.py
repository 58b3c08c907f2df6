"""Who is told about a term: the escalation chain every app's reminder rules use.

The person in charge → the unit's inbox → coordination; an expired term adds the unit's head and
coordination. Resolved once per sweep for the shared part (the coordination group's members).
"""

from dataclasses import dataclass, field

from civic.models import Dependencia, Usuario

Destinatarios = list[tuple[str, str]]


@dataclass
class Cadena:
    grupo_coordinacion: str  # the role group that assigns work and answers for the unit's terms
    _coordinacion: Destinatarios | None = field(default=None, repr=False)

    def coordinacion(self) -> Destinatarios:
        if self._coordinacion is None:
            self._coordinacion = [
                (u.email, u.get_full_name())
                for u in Usuario.objects.filter(groups__name=self.grupo_coordinacion, is_active=True)
                .exclude(email="")
                .order_by("pk")
            ]
        return self._coordinacion

    def a_cargo(self, responsable: Usuario | None, dependencia: Dependencia | None) -> Destinatarios:
        """The person in charge; else the unit's inbox; else coordination, which assigns the work."""
        if responsable is not None and responsable.is_active and responsable.email:
            return [(responsable.email, responsable.get_full_name())]
        if dependencia is not None and dependencia.correo:
            return [(dependencia.correo, "")]
        return self.coordinacion()

    def escalada(self, responsable: Usuario | None, dependencia: Dependencia | None) -> Destinatarios:
        """An expired term escalates: whoever is in charge, the head of the unit and coordination."""
        destinatarios = self.a_cargo(responsable, dependencia)
        jefe = dependencia.jefe if dependencia is not None else None
        if jefe is not None and jefe.is_active and jefe.email:
            destinatarios = [*destinatarios, (jefe.email, jefe.get_full_name())]
        return [*destinatarios, *self.coordinacion()]

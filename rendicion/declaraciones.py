"""What the kernel needs to know about a citizen's question to an audiencia, declared."""

from civic.expedientes.registro import Expediente, Retencion

from .workflow import EstadoPregunta

# Ley 1757/2015 art. 56: a written answer within 15 days (business days, as every term of the office).
DIAS_PARA_RESPONDER = 15

EXPEDIENTE = Expediente(
    clave="rendicion-pregunta",
    modelo="rendicion.Pregunta",
    prefijo="PRE",
    nombre="pregunta",
    plantilla_seguimiento="rendicion/seguimiento_pregunta.html",
    # Ley 1581/2012 art. 4 lit. g: an answered question keeps its text and answer, not who asked.
    retencion=Retencion(
        estados_cerrados=frozenset({EstadoPregunta.RESPONDIDA, EstadoPregunta.FUSIONADA}),
    ),
)

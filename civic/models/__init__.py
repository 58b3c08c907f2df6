from .calendario import DiaNoHabil
from .expedientes import Anonimizacion, Consecutivo
from .exportaciones import Exportacion
from .limites import ContadorLimite
from .notificaciones import Notificacion
from .organizacion import Dependencia, Usuario
from .recordatorios import Recordatorio
from .territorio import Barrio, Comuna

__all__ = [
    "Anonimizacion",
    "Barrio",
    "Comuna",
    "Consecutivo",
    "ContadorLimite",
    "Dependencia",
    "DiaNoHabil",
    "Exportacion",
    "Notificacion",
    "Recordatorio",
    "Usuario",
]

from .calendario import DiaNoHabil
from .expedientes import Consecutivo
from .notificaciones import Notificacion
from .organizacion import Dependencia, Usuario
from .recordatorios import Recordatorio
from .territorio import Barrio, Comuna

__all__ = [
    "Barrio",
    "Comuna",
    "Consecutivo",
    "Dependencia",
    "DiaNoHabil",
    "Notificacion",
    "Recordatorio",
    "Usuario",
]

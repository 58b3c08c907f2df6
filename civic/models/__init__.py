from .calendario import DiaNoHabil
from .notificaciones import Notificacion
from .organizacion import Dependencia, Usuario
from .recordatorios import Recordatorio
from .territorio import Barrio, Comuna

__all__ = ["Barrio", "Comuna", "Dependencia", "DiaNoHabil", "Notificacion", "Recordatorio", "Usuario"]

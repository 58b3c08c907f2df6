from .calendario import DiaNoHabil
from .notificaciones import Notificacion
from .organizacion import Dependencia, Usuario
from .territorio import Barrio, Comuna

__all__ = ["Barrio", "Comuna", "Dependencia", "DiaNoHabil", "Notificacion", "Usuario"]

"""The subscription behind a confirmation or unsubscribe link."""

from consejos.models import Suscripcion

LLAVE_MAX = 64


def por_llave(llave: str) -> Suscripcion | None:
    if not llave or len(llave) > LLAVE_MAX:
        return None
    return Suscripcion.objects.select_related("comuna", "instancia").filter(llave=llave).first()

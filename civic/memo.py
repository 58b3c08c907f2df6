"""Values kept in each process's memory and rebuilt when their group changes anywhere.

Catalogues (modalities, comunas) and the public pages built from them change a few times a year but are
read on every request. Each process keeps them in memory: no query and no network round trip per request,
and nothing outlives a deploy that changed the code that built them (a copy in Redis would). An edit calls
`invalidar(grupo)` (the apps connect it to their models' save and delete signals): it writes a new stamp
for the group in Django's cache (Redis in production) and forgets this process's copies at once; every
other process reads the group's stamp at most every REVISION_SEGUNDOS and rebuilds when it changed, the
way `civic.calendario` follows the declared days. A value also expires after its `segundos`, the ceiling
on staleness for edits no signal sees (bulk updates, SQL by hand) or when the cache is unreachable.
Tests start each test clean with `limpiar()`.
"""

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from django.core.cache import cache as cache_compartido
from django.db import transaction

REVISION_SEGUNDOS = 5.0
# A bound on the entries of one process (pages per query string, say): the least recently used go first.
MAXIMO = 500

T = TypeVar("T")

_cerrojo = threading.Lock()
_valores: OrderedDict[Hashable, tuple[tuple[str, ...], float, Any]] = OrderedDict()
_sellos: dict[str, tuple[str, float]] = {}  # group → (stamp, next check on the monotonic clock)


def _clave(grupo: str) -> str:
    return f"civic:memo:{grupo}"


def _sello(grupo: str, ahora: float) -> str:
    conocido = _sellos.get(grupo)
    if conocido is not None and ahora < conocido[1]:
        return conocido[0]
    clave = _clave(grupo)
    sello = cache_compartido.get(clave)
    if sello is None:
        # First reader since the cache was emptied: one stamp for all, whoever writes it first.
        cache_compartido.add(clave, uuid.uuid4().hex, timeout=None)
        sello = cache_compartido.get(clave) or ""
    _sellos[grupo] = (sello, ahora + REVISION_SEGUNDOS)
    return sello


def memo(
    clave: Hashable, calcular: Callable[[], T], *, grupos: Iterable[str] = (), segundos: float = 600
) -> T:
    """This process's value for `clave`, computed by `calcular()` when missing, expired or when one of
    `grupos` was invalidated since."""
    ahora = time.monotonic()
    # Stamps first, value second: an edit committed in between costs one extra rebuild, never a missed one.
    sellos = tuple(_sello(g, ahora) for g in grupos)
    with _cerrojo:
        hallado = _valores.get(clave)
        if hallado is not None and hallado[0] == sellos and ahora < hallado[1]:
            _valores.move_to_end(clave)
            return hallado[2]
    valor = calcular()
    with _cerrojo:
        _valores[clave] = (sellos, ahora + segundos, valor)
        _valores.move_to_end(clave)
        while len(_valores) > MAXIMO:
            _valores.popitem(last=False)
    return valor


def _nuevos_sellos(grupos: tuple[str, ...]) -> None:
    nuevos = {g: uuid.uuid4().hex for g in grupos}
    cache_compartido.set_many({_clave(g): s for g, s in nuevos.items()}, timeout=None)
    proxima = time.monotonic() + REVISION_SEGUNDOS
    _sellos.update({g: (s, proxima) for g, s in nuevos.items()})


def invalidar(*grupos: str) -> None:
    """The groups changed: every process rebuilds their values. Called from save/delete signals, so it
    acts at once (this process, inside the edit's transaction, sees its own edit) and again on commit (a
    process that rebuilt in between from the rows before the commit rebuilds once more)."""
    _nuevos_sellos(grupos)
    transaction.on_commit(lambda: _nuevos_sellos(grupos))


def al_editar(*grupos: str) -> Callable[..., None]:
    """A receiver for post_save/post_delete that invalidates `grupos`."""

    def receptor(sender, **kwargs) -> None:
        invalidar(*grupos)

    return receptor


def olvidar(clave: Hashable) -> None:
    with _cerrojo:
        _valores.pop(clave, None)


def limpiar() -> None:
    """Forget every value and stamp of this process (tests)."""
    with _cerrojo:
        _valores.clear()
        _sellos.clear()

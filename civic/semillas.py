"""Rows the portal cannot work without (catalogues, role groups), planted from code.

Each app registers idempotent `sembrar_*()` functions from its `AppConfig.ready()`: they create what is
missing and never overwrite what staff edited. They run after every `migrate` and after every flush of the
test database (both send `post_migrate`), so no test depends on rows a data migration left behind.
"""

from collections.abc import Callable

from django.apps import apps as apps_vivas

_SEMILLAS: list[Callable] = []


def registrar(sembrar: Callable) -> Callable:
    """Register `sembrar(apps)`; usable as a decorator."""
    if sembrar not in _SEMILLAS:
        _SEMILLAS.append(sembrar)
    return sembrar


def sembrar_todo(apps=apps_vivas, *, crear_permisos: bool = True) -> None:
    from civic.roles import sincronizar_roles

    for sembrar in _SEMILLAS:
        sembrar(apps)
    sincronizar_roles(apps, crear_permisos=crear_permisos)


def al_migrar(sender, using="default", **kwargs) -> None:
    """post_migrate receiver: plants everything once, after the last app's signal, when every app's
    content types and permissions exist already (a test flush sends the signal too, once per app)."""
    from django.db import router

    con_modelos = [config for config in apps_vivas.get_app_configs() if config.models_module is not None]
    if sender is con_modelos[-1] and router.allow_migrate(using, "civic"):
        sembrar_todo(crear_permisos=False)

"""participa pages of rendición de cuentas (being built)."""

__all__: list[str] = []

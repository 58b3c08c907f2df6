"""CSV import and export of the registry (being built)."""


class ImportacionMixin:
    pass

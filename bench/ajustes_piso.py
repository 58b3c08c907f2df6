"""Settings of the side-by-side benchmark (`bench/bench_publicas.py`): the product's own, with the URLconf
that adds the floor view. Only the benchmark's gunicorn loads this module (DJANGO_SETTINGS_MODULE, with
`bench/` on its Python path); the product's URLs never carry the floor."""

import os
from pathlib import Path

from civic.settings import *  # noqa: F403
from civic.settings import DATABASES

ROOT_URLCONF = "urls_piso"
# collectstatic of this run (whitenoise's manifest storage needs it with DEBUG off), in the run's own folder.
STATIC_ROOT = Path(os.environ["BENCH_STATIC_ROOT"])
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # PostgreSQL keeps its connections in production (CONN_MAX_AGE); the temporary SQLite does the same.
    DATABASES["default"]["CONN_MAX_AGE"] = 60

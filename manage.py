#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civic.settings")
    # manage.py is the developer's tool: without DEBUG in the environment it runs the embedded
    # development mode. What production runs (gunicorn via civic.wsgi, the Celery worker) gets no
    # such default and refuses to start without SECRET_KEY; its container sets DEBUG=false here too.
    os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

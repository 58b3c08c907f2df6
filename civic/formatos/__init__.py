"""The portal's own format files (FORMAT_MODULE_PATH): how dates, times and numbers are written in es-CO."""

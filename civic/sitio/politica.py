"""The personal-data policy version shown on /privacidad/.

Ley 1581/2012 art. 9 and Decreto 1377/2013 art. 7: the entity must be able to prove which text the
titular authorized, so forms that collect data store this exact string next to the consent.
Change it whenever templates/civic/sitio/privacidad.html changes in substance.
"""

POLITICA_DATOS_VERSION = "1.0 – 2026-11-21"

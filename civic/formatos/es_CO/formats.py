"""Dates, times and numbers as the portal writes them for people in Colombia.

Only what differs from Django's es_CO file is here; the input formats (what a form accepts) stay Django's.
Month and weekday names come in lower case and the hours with "a. m." / "p. m." from the portal's
catalogue (locale/es_CO), so "25 de noviembre de 2026, 3:05 p. m." is the same on pages, e-mails, PDFs
and the admin. The long form with the weekday is `civic.formato.FECHA_LARGA`.
"""

DATE_FORMAT = r"j \d\e F \d\e Y"
TIME_FORMAT = "g:i a"
DATETIME_FORMAT = r"j \d\e F \d\e Y, g:i a"
SHORT_DATETIME_FORMAT = "d/m/Y g:i a"
# Thousands with a dot, decimals with a comma: "1.234", "1,5 MB" (USE_THOUSAND_SEPARATOR is on).
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

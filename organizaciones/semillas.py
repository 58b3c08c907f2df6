"""The procedure types and their checklists every installation starts with (DOMAIN.md §3), from code.

Planting creates what is missing and never overwrites what staff edited (terms, checklist lines); it runs
after every migrate and test flush (`civic.semillas`).
"""

# clase: (plazo en días hábiles, se radica en línea, [(documento, ayuda)])
TIPOS = {
    "reconocimiento": (
        15,
        True,
        [
            ("Solicitud escrita firmada por el representante legal", ""),
            ("Certificado de delimitación del territorio", "Expedido por Planeación municipal."),
            ("Listado de afiliados", "Nombre y documento de cada afiliado."),
            ("Acta de constitución y elección de dignatarios", "Firmada por presidente y secretario."),
            ("Estatutos aprobados por la asamblea", ""),
        ],
    ),
    "reforma_estatutos": (
        15,
        True,
        [
            ("Estatutos reformados", "El texto completo, como quedó."),
            ("Acta de la asamblea que aprobó la reforma", "Con la verificación del quórum (art. 32)."),
        ],
    ),
    "inscripcion_dignatarios": (
        15,
        True,
        [
            ("Solicitud de inscripción firmada", ""),
            ("Acta de elección", "Firmada por presidente, secretario y el tribunal de garantías."),
            ("Listado de votantes", ""),
            ("Planchas o listas de candidatos", ""),
        ],
    ),
    "eleccion_fuera_termino": (
        15,
        True,
        [("Solicitud motivada con la causa justificada", "Art. 36, parágrafo 2.")],
    ),
    "registro_libros": (15, True, [("Libros para registrar o su foliación", "")]),
    "certificado": (5, True, []),
    "suspension": (15, False, [("Informe de inspección o prueba de la causal", "")]),
    "cancelacion": (15, False, [("Informe de inspección o prueba de la causal", "")]),
    "impugnacion": (
        15,
        True,
        [("Escrito de impugnación con sus pruebas", "Dentro de los términos del reglamento de elecciones.")],
    ),
}


def sembrar_tipos(apps) -> None:
    TipoTramite = apps.get_model("organizaciones", "TipoTramite")
    DocumentoRequerido = apps.get_model("organizaciones", "DocumentoRequerido")
    for clase, (plazo, en_linea, documentos) in TIPOS.items():
        tipo, creado = TipoTramite.objects.get_or_create(
            clase=clase, defaults={"plazo_dias": plazo, "en_linea": en_linea}
        )
        if creado:
            DocumentoRequerido.objects.bulk_create(
                [
                    DocumentoRequerido(tipo=tipo, nombre=nombre, ayuda=ayuda, orden=orden)
                    for orden, (nombre, ayuda) in enumerate(documentos, start=1)
                ]
            )

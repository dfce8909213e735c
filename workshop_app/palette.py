"""The sides' colours, one source for the UI, the graph pictures and the PDF minutes.

Okabe–Ito: colour-blind-safe and distinct in greyscale. A leaf module (no
imports) so the UI can use it at start-up without loading the export layer.
"""

#: Fills (graph nodes, bars, header bands), keyed by the side's stored value.
SIDE_FILLS = {"marketing": "#0072B2", "sales": "#E69F00", "joint": "#009E73"}
#: Reserved for conflicts everywhere.
CONFLICT = "#D55E00"
#: A side's colour *as text* on white or light grey, or behind white text: the fill where it is
#: dark enough, else the same hue darkened to a contrast of at least 4.5:1.
SIDE_TEXT = {"marketing": "#0072B2", "sales": "#8F5B00", "joint": "#00785A"}

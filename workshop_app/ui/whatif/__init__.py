"""What if: try a change to the system in a working copy and see which findings vanish before anyone agrees.

``controller`` switches the window's Document into scenario mode (a deep
copy with its own undo stack; today's workshop and stack are put aside
untouched) and back, adopts and drops; ``banner`` marks every page;
``bar`` and ``compare`` are the Conflicts page's part; the projector's
"today | if we did this" is in ``workshop_app.ui.projector.whatif``.
"""

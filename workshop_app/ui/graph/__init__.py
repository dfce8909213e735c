"""The dependency graph on screen: the editor's canvas and the projector's selected-conflict graph (drawn by the export layer's matplotlib code)."""

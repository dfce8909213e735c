"""The main window and what runs beside it: menus and commands, safe-keeping, start-up responsiveness, crash reports, settings, the navigator, help and the export dialog."""

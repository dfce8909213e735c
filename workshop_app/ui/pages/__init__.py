"""One module per workshop phase page (DESIGN §2)."""

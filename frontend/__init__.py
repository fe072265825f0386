"""Interactive network diagrams of the governance graph (pyvis / vis-network), offline."""

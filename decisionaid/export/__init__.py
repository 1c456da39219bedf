"""Renders the discussion summary as PDF, Markdown and HTML. The only user of fpdf."""

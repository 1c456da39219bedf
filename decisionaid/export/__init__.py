"""Renders the discussion summary as PDF, Markdown and HTML; the only package that imports typst.

What the app and the CLI call: `pdf.render_pdf`, `markdown_html.render_markdown`
and `render_html`; before saving a PDF, `fonts.unprintable_characters(summary)`
(the letters the PDF cannot show) and `text.printed_whole(summary)` (False when
the PDF shortens some of the person's text).
"""

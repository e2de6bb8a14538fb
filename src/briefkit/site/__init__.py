"""The site: briefings in, plain Markdown pages out (rendered by a stock `mkdocs build`)."""

"""Reports and handouts: figures and words in the core, Markdown, HTML and PDF beside them."""

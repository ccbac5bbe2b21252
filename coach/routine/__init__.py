"""The routine format: model, loader, exercise library, timeline expansion and JSON Schema.

Part of the pure core: nothing here imports Textual, audio or storage.
"""

"""The cramp diary and the guidance around it. Pure core: no Textual."""

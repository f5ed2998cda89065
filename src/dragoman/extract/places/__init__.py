"""Places: toponyms found in the text, their gazetteer candidates, and the resolver that picks one per mention."""

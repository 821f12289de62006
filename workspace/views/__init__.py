"""Workspace pages by family: quick check, organizations, job descriptions, reviews."""

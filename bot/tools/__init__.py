"""Capacity-building tools: the curated catalogue of toolkits, courses, guides and case studies
(knowledge/tools/*.yaml, docs/knowledge-format.md) that the bot recommends from, in every channel."""
